variable "base" {
  type = number
}

variable "label" {
  type    = string
  default = "none"
}

output "replicas" {
  value = var.base + 1
}

output "summary" {
  value = "${var.label}:${var.base}"
}
