# Fails: no kms_key_id.

resource "aws_cloudwatch_log_group" "this" {
  name              = "/app/api"
  retention_in_days = 365
}
