# Fails: the bucket relies on S3's implicit SSE-S3 default instead of declaring its encryption.
resource "aws_s3_bucket" "logs" {
  bucket = "acme-logs"
}
