# Fails: the legacy inline versioning block is disabled.
resource "aws_s3_bucket" "state" {
  bucket = "acme-terraform-state"

  versioning {
    enabled = false
  }
}
