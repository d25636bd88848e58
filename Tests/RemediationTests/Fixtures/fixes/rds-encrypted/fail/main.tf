resource "aws_db_instance" "main" {
  identifier     = "main"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  # storage_encrypted is missing on purpose

  tags = {
    Name = "main"
  }
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "analytics"
  storage_encrypted  = false
}
