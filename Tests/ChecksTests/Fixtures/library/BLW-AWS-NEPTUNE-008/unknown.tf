# Unknown: storage_encrypted comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_neptune_cluster_snapshot" "this" {
  db_cluster_identifier          = "graph"
  db_cluster_snapshot_identifier = "graph-final"
  storage_encrypted              = var.setting
}
