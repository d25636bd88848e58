# Fails: Aurora PostgreSQL 11.7 is affected.

resource "aws_db_instance" "reporting" {
  identifier     = "reporting"
  engine         = "aurora-postgresql"
  engine_version = "11.7"
  instance_class = "db.r5.large"
}
