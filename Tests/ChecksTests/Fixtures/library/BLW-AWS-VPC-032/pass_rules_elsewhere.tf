# Passes: a group whose rules are separate resources has no inline rules at all.
resource "aws_security_group" "alb" {
  name   = "alb"
  vpc_id = "vpc-123"
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.alb.id
  cidr_ipv4         = "10.0.0.0/8"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}
