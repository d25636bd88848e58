# Unknown: the setting comes from a variable with no value.
variable "flag" {
  type = bool
}

resource "aws_docdb_cluster" "docs" {
  cluster_identifier          = "docs"
  engine                      = "docdb"
  master_username             = "docs"
  manage_master_user_password = true
  storage_encrypted           = var.flag
}
