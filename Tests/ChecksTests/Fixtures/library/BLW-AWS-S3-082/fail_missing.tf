# Fails: nothing replicates the bucket.
resource "aws_s3_bucket" "records" {
  bucket = "records"
}
