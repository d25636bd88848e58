# Unknown: the exported logs come from a variable with no value, which may be empty.
variable "log_exports" {
  type = list(string)
}

resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "postgres"
  engine_version                  = "16.4"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 50
  username                        = "orders"
  manage_master_user_password     = true
  enabled_cloudwatch_logs_exports = var.log_exports
}
