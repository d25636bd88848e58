# Passes: seven days.

resource "aws_redshift_cluster" "this" {
  cluster_identifier                  = "warehouse"
  node_type                           = "ra3.xlplus"
  master_username                     = "admin"
  manage_master_password              = true
  encrypted                           = true
  automated_snapshot_retention_period = 7
}
