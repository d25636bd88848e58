# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_imagebuilder_component" "this" {
  name     = "hardening"
  platform = "Linux"
  version  = "1.0.0"
  uri      = "s3://acme-imagebuilder/hardening.yaml"
}
