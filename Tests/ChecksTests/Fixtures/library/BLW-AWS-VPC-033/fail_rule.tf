# Fails: a standalone rule allows all traffic from every IPv6 address.
resource "aws_network_acl_rule" "all6" {
  network_acl_id  = "acl-0a1b2c3d"
  rule_number     = 100
  egress          = false
  protocol        = "-1"
  rule_action     = "allow"
  ipv6_cidr_block = "::/0"
}
