# Passes: the encryption configuration uses aws:kms with a customer managed key (key ARN known only after apply).
resource "aws_kms_key" "s3" {
  description         = "S3 default encryption"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "docs" {
  bucket = "acme-docs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}
