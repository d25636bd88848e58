# Unknown: the interval comes from a variable with no value.
variable "interval" {
  type = number
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.m6g.large"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
  monitoring_interval         = var.interval
}
