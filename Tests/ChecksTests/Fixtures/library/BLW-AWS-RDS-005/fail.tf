# Fails: iam_database_authentication_enabled is omitted (default false).

resource "aws_db_instance" "crm" {
  identifier          = "acme-crm"
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
