# Unknown: the trail's bucket is not among what was read and the bucket list was not read (no value here).
variable "bucket_unread" {
  type = bool
}

resource "aws_cloudtrail" "main" {
  name             = "main"
  s3_bucket_name   = "audit-logs"
  s3_bucket_unread = var.bucket_unread
}
