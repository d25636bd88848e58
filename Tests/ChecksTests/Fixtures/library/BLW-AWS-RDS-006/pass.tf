# Passes: IAM authentication is enabled on the cluster.

resource "aws_rds_cluster" "ledger" {
  cluster_identifier                  = "acme-ledger"
  engine                              = "aurora-postgresql"
  master_username                     = "app"
  manage_master_user_password         = true
  skip_final_snapshot                 = true
  iam_database_authentication_enabled = true
}
