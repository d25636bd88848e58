# Passes: the allow of every port from anywhere comes after a deny of 3389 from anywhere.
resource "aws_network_acl" "shadowed" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol   = "tcp"
    rule_no    = 200
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 65535
  }

  ingress {
    protocol   = "tcp"
    rule_no    = 90
    action     = "deny"
    cidr_block = "0.0.0.0/0"
    from_port  = 3389
    to_port    = 3389
  }
}
