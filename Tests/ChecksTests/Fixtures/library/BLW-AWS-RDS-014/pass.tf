# Passes: a patched Aurora version, and a plain PostgreSQL instance whatever its version.

resource "aws_db_instance" "reporting" {
  identifier     = "reporting"
  engine         = "aurora-postgresql"
  engine_version = "11.9"
  instance_class = "db.r5.large"
}

resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  engine_version    = "11.7"
  instance_class    = "db.m6g.large"
  allocated_storage = 50
}
