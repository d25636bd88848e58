# Fails: a TCP rule spanning 0-65535 is open to ::/0.
resource "aws_security_group_rule" "wide" {
  type              = "ingress"
  security_group_id = "sg-0a1b2c3d"
  from_port         = 0
  to_port           = 65535
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"]
}
