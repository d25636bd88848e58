# Passes: the retention comes from a variable defaulting to 14 days.
variable "retention_days" {
  type    = number
  default = 14
}
resource "aws_db_instance" "billing" {
  identifier              = "acme-billing"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 50
  username                = "app"
  password                = var.db_password
  skip_final_snapshot     = true
  backup_retention_period = var.retention_days
}

variable "db_password" {
  type      = string
  sensitive = true
}
