# Passes: the trail refers to a log group (through string interpolation).
resource "aws_cloudwatch_log_group" "trail" {
  name              = "/aws/cloudtrail/acme"
  retention_in_days = 365
}
resource "aws_cloudtrail" "main" {
  name                          = "acme-org-trail"
  s3_bucket_name                = "acme-cloudtrail-logs"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
  cloud_watch_logs_group_arn    = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn     = "arn:aws:iam::123456789012:role/cloudtrail-to-cwl"
}
