# Fails: the trail's bucket keeps versions but anyone with delete rights may erase them.
resource "aws_s3_bucket" "trail" {
  bucket = "audit-logs"
}
resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "Enabled"
  }
}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
