# Passes: a selection of the daily plan names the resource.
resource "aws_rds_cluster" "this" {
  cluster_identifier = "app"
  engine             = "aurora-postgresql"
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "default"
    schedule          = "cron(0 5 * * ? *)"
  }
}

resource "aws_backup_selection" "this" {
  name         = "selected"
  plan_id      = aws_backup_plan.daily.id
  iam_role_arn = "arn:aws:iam::123456789012:role/backup"
  resources    = [aws_rds_cluster.this.arn]
}
