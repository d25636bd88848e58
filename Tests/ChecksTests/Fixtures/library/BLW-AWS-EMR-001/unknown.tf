# Unknown: block_public_security_group_rules comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_emr_block_public_access_configuration" "this" {
  block_public_security_group_rules = var.setting
}
