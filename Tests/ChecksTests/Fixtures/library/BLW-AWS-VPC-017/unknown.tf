# Unknown: the source of the only rule is known only after apply.
variable "source_cidr" {
  type = string
}

resource "aws_network_acl" "later" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = var.source_cidr
    from_port  = 3389
    to_port    = 3389
  }
}
