# Fails: no notification configuration refers to the bucket.
resource "aws_s3_bucket" "inbox" {
  bucket = "inbox"
}
