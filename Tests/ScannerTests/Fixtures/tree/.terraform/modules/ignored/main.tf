resource "aws_s3_bucket" "hidden" {
  bucket = "must-not-be-scanned"
}
