# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_ssm_parameter" "this" {
  name  = "/shop/db-password"
  type  = "SecureString"
  value = var.db_password
}

variable "db_password" {
  type      = string
  sensitive = true
}
