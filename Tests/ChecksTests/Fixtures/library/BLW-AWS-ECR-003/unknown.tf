# Unknown: the encryption type comes from a variable with no value.
variable "encryption_type" {
  type = string
}

resource "aws_ecr_repository" "app" {
  name = "app"

  encryption_configuration {
    encryption_type = var.encryption_type
  }
}
