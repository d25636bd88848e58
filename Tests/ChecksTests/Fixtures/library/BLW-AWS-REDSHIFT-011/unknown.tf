# Unknown: automated_snapshot_retention_period comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_redshift_cluster" "this" {
  cluster_identifier                  = "warehouse"
  node_type                           = "ra3.xlplus"
  master_username                     = "admin"
  manage_master_password              = true
  encrypted                           = true
  automated_snapshot_retention_period = var.setting
}
