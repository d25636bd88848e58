resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  security_group_id = "sg-123"
  cidr_blocks       = ["203.0.113.0/24"]
}
