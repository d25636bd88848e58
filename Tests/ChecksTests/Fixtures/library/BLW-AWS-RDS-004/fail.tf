# Fails: backup_retention_period 0 disables automated backups.

resource "aws_db_instance" "billing" {
  identifier              = "acme-billing"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  username                = "app"
  password                = var.db_password
  skip_final_snapshot     = true
  backup_retention_period = 0
}

variable "db_password" {
  type      = string
  sensitive = true
}
