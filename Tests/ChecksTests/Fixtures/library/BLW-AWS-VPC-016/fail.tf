# Fails: the first rule from anywhere that covers 22 is an allow (a range holding it).
resource "aws_network_acl" "open" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 1
    to_port    = 65535
  }
}
