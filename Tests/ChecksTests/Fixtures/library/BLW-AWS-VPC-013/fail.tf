# Fails: the ACL is used by no subnet.

resource "aws_network_acl" "private" {
  vpc_id = "vpc-0a1b2c3d"
}
