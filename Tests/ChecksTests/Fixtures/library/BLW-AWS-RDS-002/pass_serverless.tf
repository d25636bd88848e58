# Passes: an Aurora Serverless v1 cluster is always encrypted (storage_encrypted defaults to true for it).

resource "aws_rds_cluster" "reports" {
  cluster_identifier          = "acme-reports"
  engine                      = "aurora-mysql"
  engine_mode                 = "serverless"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}
