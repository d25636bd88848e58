# Passes: an advanced selector for every S3 object, in both directions.
resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "audit-logs"
  advanced_event_selector {
    name = "s3-objects"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
  }
}
data "aws_live_account" "this" {
  cloudtrail_unread = false
  trail             = [aws_cloudtrail.main.id]
}
