# Unknown: the key comes from a variable with no value.
variable "secret_key" {
  type = string
}

resource "aws_secretsmanager_secret" "db" {
  name       = "orders/db"
  kms_key_id = var.secret_key
}
