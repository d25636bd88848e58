# Unknown: the algorithm comes from a variable without a default or value.
variable "sse_algorithm" {
  type = string
}

resource "aws_s3_bucket" "docs" {
  bucket = "acme-docs"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "docs" {
  bucket = aws_s3_bucket.docs.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = var.sse_algorithm
    }
  }
}
