resource "aws_s3_bucket" "fine" {
  bucket = "still-loaded"
}
