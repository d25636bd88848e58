# Unknown: the setting comes from a variable with no value.
variable "flag" {
  type = bool
}

resource "aws_docdb_global_cluster" "docs" {
  global_cluster_identifier = "docs"
  engine                    = "docdb"
  engine_version            = "5.0.0"
  storage_encrypted         = var.flag
}
