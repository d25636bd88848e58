# Fails: a standalone rule allows TCP 3389 from anywhere.
resource "aws_network_acl_rule" "admin" {
  network_acl_id = "acl-0a1b2c3d"
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 3389
  to_port        = 3389
}
