# Passes: versioning is Enabled through aws_s3_bucket_versioning, with the status from a local.
locals {
  versioning_status = "Enabled"
}

resource "aws_s3_bucket" "state" {
  bucket = "acme-terraform-state"
}

resource "aws_s3_bucket_versioning" "state" {
  bucket = aws_s3_bucket.state.id

  versioning_configuration {
    status = local.versioning_status
  }
}
