# Unknown: the subnets come from a variable with no value, which may be empty.
variable "subnet_ids" {
  type = list(string)
}

resource "aws_network_acl" "private" {
  vpc_id     = "vpc-0a1b2c3d"
  subnet_ids = var.subnet_ids
}
