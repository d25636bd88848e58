# Passes: OS metrics every 60 seconds.

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  engine_version              = "16.4"
  instance_class              = "db.m6g.large"
  allocated_storage           = 50
  username                    = "orders"
  manage_master_user_password = true
  monitoring_interval         = 60
  monitoring_role_arn         = "arn:aws:iam::123456789012:role/rds-monitoring"
}
