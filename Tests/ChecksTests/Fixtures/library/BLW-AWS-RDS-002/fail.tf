# Fails: storage_encrypted is explicitly false.

resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "acme-ledger"
  engine                      = "aurora-postgresql"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
  storage_encrypted           = false
}
