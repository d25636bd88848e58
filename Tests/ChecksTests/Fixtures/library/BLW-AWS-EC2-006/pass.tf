# Passes: the subnet does not map public IPs (omitted; default false).
resource "aws_subnet" "private" {
  vpc_id     = "vpc-0a1b2c3d"
  cidr_block = "10.0.10.0/24"
}
