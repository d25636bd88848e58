# Fails: RDS reports the cluster as single-AZ.
resource "aws_rds_cluster" "app" {
  cluster_identifier = "app"
  engine             = "aurora-postgresql"
  multi_az           = false
}
