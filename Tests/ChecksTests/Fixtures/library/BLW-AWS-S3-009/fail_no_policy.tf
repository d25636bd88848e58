# Fails: the bucket has no bucket policy at all.
resource "aws_s3_bucket" "scratch" {
  bucket = "acme-scratch"
}
