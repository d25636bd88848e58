# Fails: GuardDuty was read and the region has no detector.
data "aws_live_region" "us_east_1" {
  name             = "us-east-1"
  guardduty_unread = false
}
