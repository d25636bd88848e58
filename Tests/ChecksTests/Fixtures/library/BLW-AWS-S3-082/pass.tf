# Passes: an enabled replication rule.
resource "aws_s3_bucket" "records" {
  bucket = "records"
}

resource "aws_s3_bucket_replication_configuration" "records" {
  bucket = aws_s3_bucket.records.id
  role   = "arn:aws:iam::123456789012:role/replication"
  rule {
    id     = "all"
    status = "Enabled"
    destination {
      bucket = "arn:aws:s3:::records-replica"
    }
  }
}
