# Unknown: storage_encrypted comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_db_cluster_snapshot" "this" {
  db_cluster_identifier          = "orders"
  db_cluster_snapshot_identifier = "orders-final"
  storage_encrypted              = var.setting
}
