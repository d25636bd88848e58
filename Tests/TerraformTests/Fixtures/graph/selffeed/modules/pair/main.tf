variable "first" {
  type = string
}

variable "second" {
  type = string
}

resource "terraform_data" "both" {
  input = [var.first, var.second]
}

output "first_upper" {
  value = upper(var.first)
}

output "both" {
  value = terraform_data.both.input
}
