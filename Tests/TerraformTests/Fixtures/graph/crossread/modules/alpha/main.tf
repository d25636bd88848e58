variable "name" {
  type = string
}

variable "peer" {
  type = string
}

locals {
  full = "${var.name}-${var.peer}"
}

resource "terraform_data" "joined" {
  input = local.full
}

output "id" {
  value = "alpha-${var.name}"
}

output "joined" {
  value = terraform_data.joined.input
}
