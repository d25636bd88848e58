# Unknown: whether Performance Insights is on comes from a variable with no value.
variable "insights" {
  type = bool
}

resource "aws_db_instance" "orders" {
  identifier                   = "orders"
  engine                       = "postgres"
  engine_version               = "16.4"
  instance_class               = "db.m6g.large"
  allocated_storage            = 50
  username                     = "orders"
  manage_master_user_password  = true
  performance_insights_enabled = var.insights
}
