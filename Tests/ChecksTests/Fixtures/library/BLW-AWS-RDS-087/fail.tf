# Fails: a backup plan exists, but no selection names the resource.
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
