# Fails: the "exports" bucket has no public access block; the one declared belongs to "imports".
resource "aws_s3_bucket" "imports" {
  bucket = "acme-imports"
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-exports"
}

resource "aws_s3_bucket_public_access_block" "imports" {
  bucket = aws_s3_bucket.imports.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
