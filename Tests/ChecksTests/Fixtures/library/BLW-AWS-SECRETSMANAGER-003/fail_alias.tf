# Fails: the AWS managed key named explicitly.

resource "aws_secretsmanager_secret" "db" {
  name       = "orders/db"
  kms_key_id = "alias/aws/secretsmanager"
}
