# Fails: the trail's bucket has no access logging.
resource "aws_s3_bucket" "trail" {
  bucket = "audit-logs"
}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
