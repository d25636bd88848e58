# Passes: the trail's bucket logs access; a trail writing to a bucket defined elsewhere is judged there.
resource "aws_s3_bucket" "trail" {
  bucket = "audit-logs"
}
resource "aws_s3_bucket_logging" "trail" {
  bucket        = aws_s3_bucket.trail.id
  target_bucket = "access-logs"
  target_prefix = "cloudtrail/"
}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
resource "aws_cloudtrail" "central" {
  name           = "central"
  s3_bucket_name = "org-audit-logs"
}
