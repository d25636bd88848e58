# Fails: the expired 2019 authority.

resource "aws_db_instance" "orders" {
  identifier         = "orders"
  engine             = "postgres"
  instance_class     = "db.m6g.large"
  allocated_storage  = 50
  ca_cert_identifier = "rds-ca-2019"
}
