# Fails: the public subnets (count) map public IPs on launch.
resource "aws_subnet" "public" {
  count                   = 2
  vpc_id                  = "vpc-0a1b2c3d"
  cidr_block              = cidrsubnet("10.0.0.0/16", 8, count.index)
  map_public_ip_on_launch = true
}
