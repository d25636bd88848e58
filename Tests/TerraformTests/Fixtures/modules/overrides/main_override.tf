# Terraform merges this into main.tf: attributes replace by name, nested blocks replace by type.
locals {
  tier = "premium"
}

resource "aws_instance" "web" {
  instance_type = "m5.large"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_s3_bucket" "missing_base" {
  bucket = "no-base"
}
