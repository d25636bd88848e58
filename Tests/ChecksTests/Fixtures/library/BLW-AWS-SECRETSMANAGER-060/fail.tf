# Fails: last read 120 days ago, and never read.
resource "aws_secretsmanager_secret" "old" {
  name               = "old"
  last_accessed_days = 120
}
resource "aws_secretsmanager_secret" "never" {
  name = "never"
}
