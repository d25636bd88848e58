# Passes: RDS reports the cluster as Multi-AZ.
resource "aws_rds_cluster" "app" {
  cluster_identifier = "app"
  engine             = "aurora-postgresql"
  multi_az           = true
}
