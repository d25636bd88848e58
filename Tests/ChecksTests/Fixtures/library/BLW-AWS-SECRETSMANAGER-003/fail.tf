# Fails: no key, so the AWS managed aws/secretsmanager key.

resource "aws_secretsmanager_secret" "db" {
  name = "orders/db"
}
