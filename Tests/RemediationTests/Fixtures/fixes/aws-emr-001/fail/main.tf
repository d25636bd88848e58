# Fails: block public access off.

resource "aws_emr_block_public_access_configuration" "this" {
  block_public_security_group_rules = false
}
