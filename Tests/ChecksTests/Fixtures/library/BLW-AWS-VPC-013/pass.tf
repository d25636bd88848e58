# Passes: one ACL lists its subnets, the other is associated separately.

resource "aws_network_acl" "private" {
  vpc_id     = "vpc-0a1b2c3d"
  subnet_ids = ["subnet-0a1b2c3d"]
}

resource "aws_network_acl" "public" {
  vpc_id = "vpc-0a1b2c3d"
}

resource "aws_network_acl_association" "public" {
  network_acl_id = aws_network_acl.public.id
  subnet_id      = "subnet-4e5f6a7b"
}
