# Passes: only HTTPS is allowed from anywhere; all traffic only from the VPC.
resource "aws_network_acl" "web" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }

  ingress {
    protocol   = "-1"
    rule_no    = 110
    action     = "allow"
    cidr_block = "10.0.0.0/16"
    from_port  = 0
    to_port    = 0
  }
}
