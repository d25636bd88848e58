# Passes: "media" logs through aws_s3_bucket_logging; the log bucket uses the legacy inline block.
resource "aws_s3_bucket" "logs" {
  bucket = "acme-access-logs"

  logging {
    target_bucket = "acme-audit-logs"
    target_prefix = "access-logs/"
  }
}

resource "aws_s3_bucket" "media" {
  bucket = "acme-media"
}

resource "aws_s3_bucket_logging" "media" {
  bucket        = aws_s3_bucket.media.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "media/"
}
