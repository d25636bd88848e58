# Unknown: permissions_mode comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_qldb_ledger" "this" {
  name             = "ledger"
  permissions_mode = var.setting
}
