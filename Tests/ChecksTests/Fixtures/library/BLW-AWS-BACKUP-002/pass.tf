# Passes: the region has a vault.
resource "aws_backup_vault" "this" {
  name = "default"
}
data "aws_live_region" "us_east_1" {
  name          = "us-east-1"
  backup_unread = false
  backup_vault  = [aws_backup_vault.this.arn]
}
