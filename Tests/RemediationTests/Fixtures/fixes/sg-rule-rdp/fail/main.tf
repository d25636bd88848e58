resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  security_group_id = "sg-123"
  cidr_blocks = [
    "0.0.0.0/0",
  ]
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = "sg-123"
  from_port         = 22
  to_port           = 22
  ip_protocol       = "tcp"
  cidr_ipv4         = "0.0.0.0/0"
}
