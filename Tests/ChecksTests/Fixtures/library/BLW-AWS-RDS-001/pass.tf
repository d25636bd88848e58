# Passes: storage is encrypted with a customer managed KMS key.
resource "aws_kms_key" "rds" {
  description         = "RDS storage"
  enable_key_rotation = true
}
resource "aws_db_instance" "orders" {
  identifier          = "acme-orders"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  username            = "app"
  password            = var.db_password
  skip_final_snapshot = true
  storage_encrypted   = true
  kms_key_id          = aws_kms_key.rds.arn
}

variable "db_password" {
  type      = string
  sensitive = true
}
