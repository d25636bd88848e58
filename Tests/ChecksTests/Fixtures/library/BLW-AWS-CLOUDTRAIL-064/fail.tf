# Fails: the trail's bucket is readable by everyone.
resource "aws_s3_bucket" "trail" {
  bucket = "audit-logs"
}
resource "aws_s3_bucket_acl" "trail" {
  bucket = aws_s3_bucket.trail.id
  acl    = "public-read"
}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
