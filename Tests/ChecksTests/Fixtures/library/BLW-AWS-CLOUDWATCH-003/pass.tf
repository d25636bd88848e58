# Passes: one group keeps events for 400 days, one forever (0), one has no period (also forever).

resource "aws_cloudwatch_log_group" "api" {
  name              = "/app/api"
  retention_in_days = 400
}

resource "aws_cloudwatch_log_group" "audit" {
  name              = "/app/audit"
  retention_in_days = 0
}

resource "aws_cloudwatch_log_group" "jobs" {
  name = "/app/jobs"
}
