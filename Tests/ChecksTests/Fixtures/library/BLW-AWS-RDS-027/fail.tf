# Fails: PostgreSQL on 5432.
resource "aws_db_instance" "app" {
  identifier     = "app"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  port           = 5432
}
