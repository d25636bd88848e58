# Fails: storage_encrypted is not set.

resource "aws_db_cluster_snapshot" "this" {
  db_cluster_identifier          = "orders"
  db_cluster_snapshot_identifier = "orders-final"
}
