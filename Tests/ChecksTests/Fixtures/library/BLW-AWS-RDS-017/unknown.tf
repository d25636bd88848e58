# Unknown: the setting comes from a variable with no value.
variable "copy_tags" {
  type = bool
}

resource "aws_db_instance" "orders" {
  identifier            = "orders"
  engine                = "postgres"
  instance_class        = "db.m6g.large"
  allocated_storage     = 50
  copy_tags_to_snapshot = var.copy_tags
}
