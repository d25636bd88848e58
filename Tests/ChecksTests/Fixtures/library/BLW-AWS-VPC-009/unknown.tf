# Unknown: the rule's description comes from a variable with no value, which may still be empty.
variable "purpose" {
  type = string
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = "sg-0a1b2c3d"
  description       = var.purpose
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
  cidr_ipv4         = "10.0.0.0/16"
}
