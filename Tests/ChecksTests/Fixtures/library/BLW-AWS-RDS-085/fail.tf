# Fails: RDS was read and the region has no event subscription at all.
data "aws_live_region" "us_east_1" {
  name       = "us-east-1"
  rds_unread = false
}
