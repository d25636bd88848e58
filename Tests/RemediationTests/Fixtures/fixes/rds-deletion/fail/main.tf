resource "aws_db_instance" "main" {
  identifier        = "main"
  storage_encrypted = true
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "analytics"
  storage_encrypted  = true

  deletion_protection = false
}
