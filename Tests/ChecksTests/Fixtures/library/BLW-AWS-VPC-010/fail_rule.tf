# Fails: a standalone rule covers port 80 from every IPv6 address.

resource "aws_vpc_security_group_ingress_rule" "http" {
  security_group_id = "sg-0a1b2c3d"
  description       = "Web range"
  from_port         = 0
  to_port           = 1024
  ip_protocol       = "tcp"
  cidr_ipv6         = "::/0"
}
