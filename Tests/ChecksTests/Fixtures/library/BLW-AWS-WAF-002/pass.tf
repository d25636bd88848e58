# Passes: logs go to a Firehose stream.

resource "aws_wafregional_web_acl" "legacy" {
  name        = "legacy"
  metric_name = "legacy"

  default_action {
    type = "ALLOW"
  }

  logging_configuration {
    log_destination = "arn:aws:firehose:eu-west-1:123456789012:deliverystream/aws-waf-logs-legacy"
  }
}
