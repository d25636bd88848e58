# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_s3_object_copy" "this" {
  bucket     = "acme-archive"
  key        = "app/settings.json"
  source     = "acme-config/app/settings.json"
  kms_key_id = aws_kms_key.this.arn
}
