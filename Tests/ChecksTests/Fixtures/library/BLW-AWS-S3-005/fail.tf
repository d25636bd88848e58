# Fails: ignore_public_acls is false (set through a variable default) on the public access block.
variable "ignore_public_acls" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

resource "aws_s3_bucket_public_access_block" "reports" {
  bucket = aws_s3_bucket.reports.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = var.ignore_public_acls
  restrict_public_buckets = true
}
