# Unknown: the rule opens port 80 to a CIDR that comes from a variable with no value.
variable "allowed_cidr" {
  type = string
}

resource "aws_vpc_security_group_ingress_rule" "http" {
  security_group_id = "sg-0a1b2c3d"
  description       = "HTTP"
  from_port         = 80
  to_port           = 80
  ip_protocol       = "tcp"
  cidr_ipv4         = var.allowed_cidr
}
