# Unknown: the setting comes from a variable with no value.
variable "flag" {
  type = bool
}

resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier     = "warehouse"
  node_type              = "ra3.xlplus"
  number_of_nodes        = 2
  master_username        = "admin"
  manage_master_password = true
  encrypted              = true
  enhanced_vpc_routing   = var.flag
}
