# Fails: the legacy inline acl argument on the bucket is public-read-write.
resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
  acl    = "public-read-write"
}
