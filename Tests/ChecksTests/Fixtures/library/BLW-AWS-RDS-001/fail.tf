# Fails: storage_encrypted is omitted and defaults to false.

resource "aws_db_instance" "orders" {
  identifier          = "acme-orders"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  username            = "app"
  password            = var.db_password
  skip_final_snapshot = true

}

variable "db_password" {
  type      = string
  sensitive = true
}
