# Passes: enable_logging is omitted and defaults to true.

resource "aws_cloudtrail" "main" {
  name                          = "acme-org-trail"
  s3_bucket_name                = "acme-cloudtrail-logs"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
}
