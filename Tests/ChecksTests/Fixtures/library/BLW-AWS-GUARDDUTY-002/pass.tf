# Passes: the region has an enabled detector.
resource "aws_guardduty_detector" "this" {
  enable = true
}
data "aws_live_region" "us_east_1" {
  name               = "us-east-1"
  guardduty_unread   = false
  guardduty_detector = [aws_guardduty_detector.this.id]
}
