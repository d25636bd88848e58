# Fails: encrypted with the AWS managed key.

resource "aws_docdb_cluster" "docs" {
  cluster_identifier          = "docs"
  engine                      = "docdb"
  master_username             = "docs"
  manage_master_user_password = true
  storage_encrypted           = true
}
