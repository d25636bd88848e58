# Passes: Performance Insights is on.

resource "aws_db_instance" "orders" {
  identifier                   = "orders"
  engine                       = "postgres"
  engine_version               = "16.4"
  instance_class               = "db.m6g.large"
  allocated_storage            = 50
  username                     = "orders"
  manage_master_user_password  = true
  performance_insights_enabled = true
}

# A MySQL micro instance does not support Performance Insights.
resource "aws_db_instance" "dev" {
  identifier                  = "dev"
  engine                      = "mysql"
  instance_class              = "db.t3.micro"
  allocated_storage           = 20
  username                    = "dev"
  manage_master_user_password = true
}
