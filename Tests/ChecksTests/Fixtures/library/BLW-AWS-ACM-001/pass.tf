# Passes: the default, and ENABLED written out.

resource "aws_acm_certificate" "this" {
  domain_name       = "shop.example.com"
  validation_method = "DNS"
}

resource "aws_acm_certificate" "api" {
  domain_name       = "api.example.com"
  validation_method = "DNS"

  options {
    certificate_transparency_logging_preference = "ENABLED"
  }
}
