# Passes: custom master user names.
resource "aws_db_instance" "app" {
  identifier     = "app"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  username       = "app_owner"
}

resource "aws_rds_cluster" "app" {
  cluster_identifier = "app"
  engine             = "aurora-mysql"
  master_username    = "cluster_owner"
}
