# Fails: the cluster is publicly accessible.

resource "aws_redshift_cluster" "this" {
  cluster_identifier     = "analytics"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "admin"
  manage_master_password = true
  skip_final_snapshot    = true
  encrypted              = true
  publicly_accessible    = true
}
