# Fails: an Aurora cluster instance is publicly accessible.
resource "aws_rds_cluster_instance" "reader" {
  identifier          = "acme-reader-1"
  cluster_identifier  = "acme-ledger"
  instance_class      = "db.r6g.large"
  engine              = "aurora-postgresql"
  publicly_accessible = true
}
