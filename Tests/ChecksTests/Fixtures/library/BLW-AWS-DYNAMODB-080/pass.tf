# Passes: a selection of the daily plan names the resource.
resource "aws_dynamodb_table" "this" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
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
  resources    = [aws_dynamodb_table.this.arn]
}
