# Fails: an aws_vpc_security_group_ingress_rule with ip_protocol -1 from 0.0.0.0/0.
resource "aws_vpc_security_group_ingress_rule" "all" {
  security_group_id = "sg-0a1b2c3d"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}
