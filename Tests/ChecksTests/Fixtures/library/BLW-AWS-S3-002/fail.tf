# Fails: a local sets the ACL resource to public-read-write.
locals {
  upload_acl = "public-read-write"
}

resource "aws_s3_bucket" "dropbox" {
  bucket = "acme-dropbox"
}

resource "aws_s3_bucket_acl" "dropbox" {
  bucket = aws_s3_bucket.dropbox.id
  acl    = local.upload_acl
}
