# Passes: a customer managed key.

resource "aws_codeartifact_domain" "this" {
  domain         = "acme"
  encryption_key = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
