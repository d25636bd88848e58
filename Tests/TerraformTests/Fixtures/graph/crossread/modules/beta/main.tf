variable "prefix" {
  type = string
}

variable "upstream" {
  type = string
}

resource "terraform_data" "record" {
  input = { from = var.upstream, prefix = var.prefix }
}

output "tag" {
  value = "${var.prefix}-tag"
}

output "record" {
  value = terraform_data.record.input
}
