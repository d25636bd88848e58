# Passes: the region refers to its Security Hub account.
resource "aws_securityhub_account" "this" {}
data "aws_live_region" "us_east_1" {
  name                = "us-east-1"
  securityhub_unread  = false
  securityhub_account = [aws_securityhub_account.this.id]
}
