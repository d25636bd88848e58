# Fails: an aws_vpc_security_group_ingress_rule opens 3389 to ::/0.
resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = "sg-0a1b2c3d"
  from_port         = 3389
  to_port           = 3389
  ip_protocol       = "tcp"
  cidr_ipv6         = "::/0"
}
