variable "peer" {
  type = string
}

resource "terraform_data" "peer" {
  input = var.peer
}

output "name" {
  value = "fixed"
}
