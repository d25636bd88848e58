# Passes: each bucket (for_each) is referred to by a public access block with all four settings true.
resource "aws_s3_bucket" "this" {
  for_each = toset(["acme-raw", "acme-curated"])
  bucket   = each.key
}

resource "aws_s3_bucket_public_access_block" "this" {
  for_each = aws_s3_bucket.this
  bucket   = aws_s3_bucket.this[each.key].id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
