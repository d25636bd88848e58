resource "aws_s3_bucket_acl" "site" {
  bucket = "acme-site"
  acl    = "public-read-write"
}
