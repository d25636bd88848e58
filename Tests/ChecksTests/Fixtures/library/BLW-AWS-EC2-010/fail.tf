# Fails: the address is allocated and used by nothing.

resource "aws_eip" "spare" {
  domain = "vpc"
}
