# Passes: the default (disable).

resource "aws_ec2_transit_gateway" "this" {
  description = "core"
}
