# Fails: encryption is configured for "primary" only; the "replica" bucket has none.
resource "aws_s3_bucket" "primary" {
  bucket = "acme-primary"
}

resource "aws_s3_bucket" "replica" {
  bucket = "acme-replica"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "primary" {
  bucket = aws_s3_bucket.primary.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
