# Passes: MFA delete on the trail's bucket; a trail writing to a bucket defined elsewhere is judged there.
resource "aws_s3_bucket" "trail" {
  bucket = "audit-logs"
}
resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  mfa    = "arn:aws:iam::123456789012:mfa/root-account-mfa-device 123456"
  versioning_configuration {
    status     = "Enabled"
    mfa_delete = "Enabled"
  }
}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
resource "aws_cloudtrail" "central" {
  name           = "central"
  s3_bucket_name = "org-audit-logs"
}
