# Passes: the trail uses an existing key by ARN.

resource "aws_cloudtrail" "main" {
  name                          = "acme-org-trail"
  s3_bucket_name                = "acme-cloudtrail-logs"
  is_multi_region_trail         = true
  enable_log_file_validation    = true
  include_global_service_events = true
  kms_key_id                    = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666"
}
