# Fails: the cluster's master user is "admin".
resource "aws_rds_cluster" "app" {
  cluster_identifier = "app"
  engine             = "aurora-mysql"
  master_username    = "admin"
}
