# Fails: logging is stopped through a variable default.
variable "trail_logging" {
  type    = bool
  default = false
}
resource "aws_cloudtrail" "main" {
  name           = "acme-org-trail"
  s3_bucket_name = "acme-cloudtrail-logs"
  enable_logging = var.trail_logging
}
