# Passes: Object Lock is enabled through its own resource.
resource "aws_s3_bucket" "audit" {
  bucket = "audit"
}

resource "aws_s3_bucket_object_lock_configuration" "audit" {
  bucket = aws_s3_bucket.audit.id
  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 30
    }
  }
}
