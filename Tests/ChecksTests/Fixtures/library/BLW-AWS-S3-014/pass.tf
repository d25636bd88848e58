# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_s3_bucket_object" "legacy" {
  bucket     = "acme-config"
  key        = "app/settings.json"
  content    = "{}"
  kms_key_id = aws_kms_key.this.arn
}
