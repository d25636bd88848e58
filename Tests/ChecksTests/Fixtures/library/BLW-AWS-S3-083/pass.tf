# Passes: the bucket's events go to EventBridge.
resource "aws_s3_bucket" "inbox" {
  bucket = "inbox"
}

resource "aws_s3_bucket_notification" "inbox" {
  bucket      = aws_s3_bucket.inbox.id
  eventbridge = true
}
