# Fails: block_public_acls is omitted, and the provider default is false.
resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket                  = aws_s3_bucket.reports.id
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
