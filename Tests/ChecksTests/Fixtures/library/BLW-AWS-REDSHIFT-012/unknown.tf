variable "admin" {
  type = string
}

# Unknown: the user name comes from a variable with no value.

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = var.admin
  manage_master_password = true
  encrypted              = true
}
