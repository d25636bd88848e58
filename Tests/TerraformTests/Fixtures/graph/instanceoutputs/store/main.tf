variable "name" {
  type = string
}

resource "terraform_data" "bucket" {
  input = var.name
}

output "id" {
  value = terraform_data.bucket.id
}
