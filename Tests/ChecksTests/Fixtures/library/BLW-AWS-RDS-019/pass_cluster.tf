# Passes: the cluster snapshot is shared with one named account only.
resource "aws_db_cluster_snapshot" "partner" {
  db_cluster_identifier          = "app"
  db_cluster_snapshot_identifier = "app-partner"
  shared_accounts                = ["210987654321"]
}
