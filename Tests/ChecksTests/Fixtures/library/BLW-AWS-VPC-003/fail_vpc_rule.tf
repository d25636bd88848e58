# Fails: an aws_vpc_security_group_ingress_rule opens 22 to ::/0.
resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = "sg-0a1b2c3d"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
  cidr_ipv6         = "::/0"
}
