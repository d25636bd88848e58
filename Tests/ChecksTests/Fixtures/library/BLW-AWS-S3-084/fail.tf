# Fails: Object Lock is not enabled.
resource "aws_s3_bucket" "audit" {
  bucket = "audit"
}
