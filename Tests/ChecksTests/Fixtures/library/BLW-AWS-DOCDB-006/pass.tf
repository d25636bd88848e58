# Passes: storage is encrypted.

resource "aws_docdb_global_cluster" "docs" {
  global_cluster_identifier = "docs"
  engine                    = "docdb"
  engine_version            = "5.0.0"
  storage_encrypted         = true
}
