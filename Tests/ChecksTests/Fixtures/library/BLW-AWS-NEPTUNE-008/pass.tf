# Passes: encrypted.

resource "aws_neptune_cluster_snapshot" "this" {
  db_cluster_identifier          = "graph"
  db_cluster_snapshot_identifier = "graph-final"
  storage_encrypted              = true
}
