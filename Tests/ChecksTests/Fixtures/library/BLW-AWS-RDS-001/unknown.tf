# Unknown: storage_encrypted comes from a variable with no default and no value.
variable "unset" {
  type = bool
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
  storage_encrypted   = var.unset
}

variable "db_password" {
  type      = string
  sensitive = true
}
