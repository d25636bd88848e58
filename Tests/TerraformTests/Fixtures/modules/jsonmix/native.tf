resource "aws_s3_bucket_acl" "json_bucket" {
  bucket = aws_s3_bucket.json_bucket.id
  acl    = "private"
}
