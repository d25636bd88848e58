# Passes: the instance is private.

resource "aws_db_instance" "reporting" {
  identifier          = "acme-reporting"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t4g.medium"
  allocated_storage   = 50
  username            = "app"
  password            = var.db_password
  skip_final_snapshot = true
  publicly_accessible = false
}

variable "db_password" {
  type      = string
  sensitive = true
}
