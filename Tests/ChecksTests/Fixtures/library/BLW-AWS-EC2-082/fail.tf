# Fails: a backup plan exists, but no selection names the resource.
resource "aws_ebs_volume" "this" {
  availability_zone = "us-east-1a"
  size              = 20
  encrypted         = true
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "default"
    schedule          = "cron(0 5 * * ? *)"
  }
}
