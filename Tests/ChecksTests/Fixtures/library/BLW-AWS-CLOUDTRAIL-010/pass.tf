# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_cloudtrail_event_data_store" "this" {
  name       = "org-events"
  kms_key_id = aws_kms_key.this.arn
}
