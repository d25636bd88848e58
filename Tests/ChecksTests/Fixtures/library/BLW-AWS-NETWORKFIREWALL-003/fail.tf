# Fails: AWS owned key.

resource "aws_networkfirewall_firewall_policy" "this" {
  name = "egress"

  firewall_policy {
    stateless_default_actions          = ["aws:forward_to_sfe"]
    stateless_fragment_default_actions = ["aws:forward_to_sfe"]
  }
}
