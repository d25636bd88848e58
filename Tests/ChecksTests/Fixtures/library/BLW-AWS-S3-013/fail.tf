# Fails: no logging block and no aws_s3_bucket_logging refers to the bucket.
resource "aws_s3_bucket" "media" {
  bucket = "acme-media"
}
