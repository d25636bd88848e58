# Passes: a basic selector for every bucket.
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "audit-logs"
  event_selector {
    read_write_type = "WriteOnly"
    data_resource {
      type   = "AWS::S3::Object"
      values = ["arn:aws:s3"]
    }
  }
}
data "aws_live_account" "this" {
  cloudtrail_unread = false
  trail             = [aws_cloudtrail.main.id]
}
