# Passes: dual-layer SSE-KMS (aws:kms:dsse) declared inline.
resource "aws_s3_bucket" "docs" {
  bucket = "acme-docs"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms:dsse"
      }
    }
  }
}
