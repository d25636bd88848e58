# Fails: the default of one day.

resource "aws_docdb_cluster" "this" {
  cluster_identifier          = "catalogue"
  engine                      = "docdb"
  master_username             = "app"
  manage_master_user_password = true
  storage_encrypted           = true
}
