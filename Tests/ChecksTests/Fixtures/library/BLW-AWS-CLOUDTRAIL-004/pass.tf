# Passes: the trail refers to a customer managed key (its ARN is known only after apply).
resource "aws_kms_key" "trail" {
  description         = "CloudTrail"
  enable_key_rotation = true
}
resource "aws_cloudtrail" "main" {
  name                          = "acme-org-trail"
  s3_bucket_name                = "acme-cloudtrail-logs"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
  kms_key_id                    = aws_kms_key.trail.arn
}
