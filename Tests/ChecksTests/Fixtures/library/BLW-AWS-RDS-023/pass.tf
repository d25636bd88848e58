# Passes: encrypted.

resource "aws_db_cluster_snapshot" "this" {
  db_cluster_identifier          = "orders"
  db_cluster_snapshot_identifier = "orders-final"
  storage_encrypted              = true
}
