variable "seed" {
  type = string
}

variable "extra" {
  type = string
}

resource "terraform_data" "leaf" {
  input = "${var.seed}+${var.extra}"
}

output "id" {
  value = "inner-${var.seed}"
}

output "combined" {
  value = terraform_data.leaf.input
}
