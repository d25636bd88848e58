# Fails: a backup plan exists, but no selection names the resource.
resource "aws_db_instance" "this" {
  identifier        = "app"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "default"
    schedule          = "cron(0 5 * * ? *)"
  }
}
