# Passes: customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_networkfirewall_firewall_policy" "this" {
  name = "egress"

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  }

  encryption_configuration {
    type   = "CUSTOMER_KMS"
    key_id = aws_kms_key.this.arn
  }
}
