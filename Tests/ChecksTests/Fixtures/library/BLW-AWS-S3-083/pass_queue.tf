# Passes: object creations are sent to a queue.
resource "aws_s3_bucket" "inbox" {
  bucket = "inbox"
}

resource "aws_s3_bucket_notification" "inbox" {
  bucket = aws_s3_bucket.inbox.id
  queue {
    queue_arn = "arn:aws:sqs:us-east-1:123456789012:inbox-events"
    events    = ["s3:ObjectCreated:*"]
  }
}
