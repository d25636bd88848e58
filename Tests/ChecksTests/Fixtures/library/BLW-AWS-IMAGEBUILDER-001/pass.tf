# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_imagebuilder_component" "this" {
  name       = "hardening"
  platform   = "Linux"
  version    = "1.0.0"
  uri        = "s3://acme-imagebuilder/hardening.yaml"
  kms_key_id = aws_kms_key.this.arn
}
