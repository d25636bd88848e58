resource "aws_db_instance" "main" {
  identifier          = "main"
  storage_encrypted   = true
  deletion_protection = true
}
