# Fails: the default admin user name awsuser.

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "awsuser"
  manage_master_password = true
  encrypted              = true
}
