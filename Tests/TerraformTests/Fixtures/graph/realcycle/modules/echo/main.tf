variable "value" {
  type = string
}

variable "label" {
  type = string
}

resource "terraform_data" "kept" {
  input = "kept-${var.label}"
}

output "echoed" {
  value = var.value
}

output "label" {
  value = "${var.label}!"
}
