# Unknown: shared_accounts comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_db_snapshot" "this" {
  db_snapshot_identifier = "orders-final"
  db_instance_identifier = "orders"
  shared_accounts        = var.setting
}

