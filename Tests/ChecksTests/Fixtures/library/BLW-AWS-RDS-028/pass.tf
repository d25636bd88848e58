# Passes: the snapshot's instance is encrypted.
resource "aws_db_instance" "app" {
  identifier        = "app"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}

resource "aws_db_snapshot" "app" {
  db_instance_identifier = aws_db_instance.app.identifier
  db_snapshot_identifier = "app-before-upgrade"
}
