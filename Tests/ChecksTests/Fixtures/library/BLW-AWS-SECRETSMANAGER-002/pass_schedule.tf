# Passes: a rate of 10 days, and a monthly cron schedule.

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db"
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate-db"

  rotation_rules {
    schedule_expression = "rate(10 days)"
  }
}

resource "aws_secretsmanager_secret_rotation" "api" {
  secret_id           = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-key"
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:123456789012:function:rotate-api"

  rotation_rules {
    schedule_expression = "cron(0 4 1 * ? *)"
  }
}
