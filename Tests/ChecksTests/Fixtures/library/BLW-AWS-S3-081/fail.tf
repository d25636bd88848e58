# Fails: the only lifecycle rule is disabled.
resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id
  rule {
    id     = "expire"
    status = "Disabled"
    expiration {
      days = 365
    }
  }
}
