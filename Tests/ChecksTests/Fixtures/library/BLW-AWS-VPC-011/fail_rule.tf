# Fails: a standalone egress rule allows every protocol to every IPv4 address.

resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = "sg-0a1b2c3d"
  description       = "Everything"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
