resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
}

# A comment that must stay where it is.
resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  versioning_configuration {
    status = "Enabled"
  }
}
