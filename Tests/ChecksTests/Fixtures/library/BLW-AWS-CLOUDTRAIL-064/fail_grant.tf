# Fails: a grant lets every authenticated AWS identity read the bucket.
resource "aws_s3_bucket" "trail" {
  bucket = "audit-logs"
}
resource "aws_s3_bucket_acl" "trail" {
  bucket = aws_s3_bucket.trail.id
  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
      }
      permission = "READ"
    }
    owner {
      id = "abc123"
    }
  }
}
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
