# Fails: nothing is declared, so S3 applies its SSE-S3 (AES256) default, which is not KMS.
resource "aws_s3_bucket" "docs" {
  bucket = "acme-docs"
}
