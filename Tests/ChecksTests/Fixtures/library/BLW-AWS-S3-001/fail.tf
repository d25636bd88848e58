# Fails: the canned ACL comes from a variable whose default is "public-read".
variable "bucket_acl" {
  type    = string
  default = "public-read"
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-public-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = var.bucket_acl
}
