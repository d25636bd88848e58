resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

# Unrelated comment that must stay.
resource "aws_kms_key" "other" {
  enable_key_rotation = true
}
