# Fails: the cluster snapshot is restorable by every AWS account.
resource "aws_db_cluster_snapshot" "shared" {
  db_cluster_identifier          = "app"
  db_cluster_snapshot_identifier = "app-shared"
  shared_accounts                = ["all"]
}
