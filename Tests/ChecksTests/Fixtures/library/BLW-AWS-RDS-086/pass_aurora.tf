# Passes: an Aurora instance is backed up with its cluster.
resource "aws_db_instance" "this" {
  identifier     = "app-1"
  engine         = "aurora-postgresql"
  instance_class = "db.r6g.large"
}
