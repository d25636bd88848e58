# Fails: the group is only referenced by its own rule, and no resource uses it.

resource "aws_security_group" "orphan" {
  name        = "orphan"
  description = "Nobody uses this group"
  vpc_id      = "vpc-0a1b2c3d"
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.orphan.id
  description       = "HTTPS from the VPC"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  cidr_ipv4         = "10.0.0.0/16"
}
