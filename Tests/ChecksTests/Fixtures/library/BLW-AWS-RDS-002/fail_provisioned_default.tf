# Fails: a provisioned cluster without storage_encrypted is unencrypted.

resource "aws_rds_cluster" "ledger" {
  cluster_identifier          = "acme-ledger"
  engine                      = "aurora-postgresql"
  engine_mode                 = "provisioned"
  master_username             = "app"
  manage_master_user_password = true
  skip_final_snapshot         = true
}
