# Passes: a current authority, and the RDS default.

resource "aws_db_instance" "orders" {
  identifier         = "orders"
  engine             = "postgres"
  instance_class     = "db.m6g.large"
  allocated_storage  = 50
  ca_cert_identifier = "rds-ca-rsa2048-g1"
}

resource "aws_db_instance" "reports" {
  identifier        = "reports"
  engine            = "postgres"
  instance_class    = "db.m6g.large"
  allocated_storage = 50
}
