# Fails: no port is set, so the Aurora MySQL cluster listens on 3306.
resource "aws_rds_cluster" "app" {
  cluster_identifier = "app"
  engine             = "aurora-mysql"
}
