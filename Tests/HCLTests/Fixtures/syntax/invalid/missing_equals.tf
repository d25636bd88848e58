# error: 3:3 Expected "=" or "{" after "bucket"
resource "aws_s3_bucket" "b" {
  bucket
  acl = "private"
}
