# Fails: no logging.

resource "aws_wafregional_web_acl" "legacy" {
  name        = "legacy"
  metric_name = "legacy"

  default_action {
    type = "ALLOW"
  }
}
