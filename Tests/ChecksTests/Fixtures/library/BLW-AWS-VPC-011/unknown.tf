# Unknown: all-protocol egress to a CIDR that comes from a variable with no value.
variable "egress_cidr" {
  type = string
}

resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = "sg-0a1b2c3d"
  description       = "Everything to the chosen network"
  ip_protocol       = "-1"
  cidr_ipv4         = var.egress_cidr
}
