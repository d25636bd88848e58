# Passes: read yesterday.
resource "aws_secretsmanager_secret" "db" {
  name               = "db"
  last_accessed_days = 1
}
