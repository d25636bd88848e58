# Unknown: the authority comes from a variable with no value.
variable "ca" {
  type = string
}

resource "aws_db_instance" "orders" {
  identifier         = "orders"
  engine             = "postgres"
  instance_class     = "db.m6g.large"
  allocated_storage  = 50
  ca_cert_identifier = var.ca
}
