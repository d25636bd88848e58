# Unknown: the only selection that names the resource could not be read.
resource "aws_rds_cluster" "this" {
  cluster_identifier = "app"
  engine             = "aurora-postgresql"
}

resource "aws_backup_selection" "unread" {
  name      = var.unread
  plan_id   = "plan-0a1b2c3d"
  resources = [aws_rds_cluster.this.arn]
}

variable "unread" {
  type = string
}
