# Fails: AWS owned key.

resource "aws_networkfirewall_firewall" "this" {
  name                = "egress"
  firewall_policy_arn = "arn:aws:network-firewall:eu-west-1:111122223333:firewall-policy/egress"
  vpc_id              = "vpc-0123456789abcdef0"

  subnet_mapping {
    subnet_id = "subnet-0123456789abcdef0"
  }
}
