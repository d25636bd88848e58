# Passes: both listen on ports other than their engines' defaults.
resource "aws_db_instance" "app" {
  identifier     = "app"
  engine         = "postgres"
  instance_class = "db.t3.micro"
  port           = 15432
}

resource "aws_rds_cluster" "app" {
  cluster_identifier = "app"
  engine             = "aurora-mysql"
  port               = 13306
}
