# Fails: no retention period, so events are kept forever by default.

resource "aws_cloudwatch_log_group" "api" {
  name = "/app/api"
}
