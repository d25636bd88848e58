# Fails: no logs are exported.

resource "aws_docdb_cluster" "docs" {
  cluster_identifier          = "docs"
  engine                      = "docdb"
  master_username             = "docs"
  manage_master_user_password = true
}
