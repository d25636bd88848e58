# Passes: another admin user name.

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "warehouse_admin"
  manage_master_password = true
  encrypted              = true
}
