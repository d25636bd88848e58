# Passes: tags are copied; an Aurora instance takes the setting from its cluster.

resource "aws_db_instance" "orders" {
  identifier            = "orders"
  engine                = "postgres"
  instance_class        = "db.m6g.large"
  allocated_storage     = 50
  copy_tags_to_snapshot = true
}

resource "aws_db_instance" "aurora" {
  identifier     = "aurora-1"
  engine         = "aurora-postgresql"
  instance_class = "db.r6g.large"
}
