# Fails: rotation every 180 days.

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db"
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate-db"

  rotation_rules {
    automatically_after_days = 180
  }
}
