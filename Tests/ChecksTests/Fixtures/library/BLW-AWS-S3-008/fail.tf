# Fails: the policy only grants read access to a role; nothing denies aws:SecureTransport = false.
locals {
  bucket_name = "acme-billing"
}

resource "aws_s3_bucket" "billing" {
  bucket = local.bucket_name
}

resource "aws_s3_bucket_policy" "billing" {
  bucket = aws_s3_bucket.billing.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:role/billing-reader" }
      Action    = ["s3:GetObject"]
      Resource  = "arn:aws:s3:::${local.bucket_name}/*"
      Condition = {
        Bool = { "aws:SecureTransport" = "true" }
      }
    }]
  })
}
