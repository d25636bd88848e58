# Fails: is_multi_region_trail is omitted (default false).

resource "aws_cloudtrail" "main" {
  name                       = "acme-org-trail"
  s3_bucket_name             = "acme-cloudtrail-logs"
  enable_log_file_validation = true
}
