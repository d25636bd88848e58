# Fails: no attributes block.

resource "aws_globalaccelerator_accelerator" "this" {
  name            = "edge"
  ip_address_type = "IPV4"
  enabled         = true
}
