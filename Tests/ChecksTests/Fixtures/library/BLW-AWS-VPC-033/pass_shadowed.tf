# Passes: all traffic from anywhere is denied at rule 50, before the allow at 100.
resource "aws_network_acl" "sealed" {
  vpc_id = "vpc-0a1b2c3d"

  ingress {
    protocol   = "-1"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }

  ingress {
    protocol   = "-1"
    rule_no    = 50
    action     = "deny"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
