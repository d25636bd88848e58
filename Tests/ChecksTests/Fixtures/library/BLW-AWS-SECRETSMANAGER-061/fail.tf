# Fails: rotated 200 days ago, and never rotated.
resource "aws_secretsmanager_secret" "stale" {
  name              = "stale"
  last_rotated_days = 200
}
resource "aws_secretsmanager_secret" "never" {
  name = "never"
}
