# Passes: a logging multi-region trail records all management events.
resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "acme-trail"
  is_multi_region_trail = true
  enable_logging        = true
  event_selector {
    read_write_type           = "All"
    include_management_events = true
  }
}
data "aws_live_account" "this" {
  cloudtrail_unread = false
  trail             = [aws_cloudtrail.main.arn]
}
