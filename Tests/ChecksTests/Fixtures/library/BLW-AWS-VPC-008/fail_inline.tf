# Fails: the inline ingress rule allows 3389 (inside 3000-4000) from anywhere.
resource "aws_network_acl" "main" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 3000
    to_port    = 4000
  }
}
