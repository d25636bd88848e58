# Unknown: the only selection that names the resource could not be read.
resource "aws_rds_cluster" "this" {
  cluster_identifier = "app"
  engine             = "aurora-postgresql"
}

resource "aws_backup_selection" "unread" {
  plan_id   = var.unread
  resources = [aws_rds_cluster.this.arn]
}

variable "unread" {
  type = string
}
