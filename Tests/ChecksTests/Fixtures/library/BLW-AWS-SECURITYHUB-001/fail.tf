# Fails: Security Hub was read and is not enabled in the region.
data "aws_live_region" "us_east_1" {
  name               = "us-east-1"
  securityhub_unread = false
}
