# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_ssm_parameter" "this" {
  name   = "/shop/db-password"
  type   = "SecureString"
  value  = var.db_password
  key_id = aws_kms_key.this.arn
}

variable "db_password" {
  type      = string
  sensitive = true
}
