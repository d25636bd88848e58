# Fails: the only multi-region trail records write events alone, the other trail is single-region.
resource "aws_cloudtrail" "writes" {
  name                  = "writes"
  s3_bucket_name        = "acme-trail"
  is_multi_region_trail = true
  enable_logging        = true
  event_selector {
    read_write_type           = "WriteOnly"
    include_management_events = true
  }
}
resource "aws_cloudtrail" "local" {
  name                  = "local"
  s3_bucket_name        = "acme-trail"
  is_multi_region_trail = false
  enable_logging        = true
  event_selector {
    read_write_type           = "All"
    include_management_events = true
  }
}
data "aws_live_account" "this" {
  cloudtrail_unread = false
  trail             = [aws_cloudtrail.writes.arn, aws_cloudtrail.local.arn]
}
