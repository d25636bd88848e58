# Passes: an enabled inline lifecycle rule (provider v3 style).
resource "aws_s3_bucket" "data" {
  bucket = "data"
  lifecycle_rule {
    enabled = true
    expiration {
      days = 365
    }
  }
}
