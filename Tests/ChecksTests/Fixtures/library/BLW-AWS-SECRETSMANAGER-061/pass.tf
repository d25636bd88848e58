# Passes: rotated 30 days ago.
resource "aws_secretsmanager_secret" "db" {
  name              = "db"
  last_rotated_days = 30
}
