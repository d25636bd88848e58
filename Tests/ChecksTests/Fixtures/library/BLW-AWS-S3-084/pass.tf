# Passes: the bucket is created with Object Lock.
resource "aws_s3_bucket" "audit" {
  bucket              = "audit"
  object_lock_enabled = true
}
