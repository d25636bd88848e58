# Fails: transparency logging disabled.

resource "aws_acm_certificate" "this" {
  domain_name       = "shop.example.com"
  validation_method = "DNS"

  options {
    certificate_transparency_logging_preference = "DISABLED"
  }
}
