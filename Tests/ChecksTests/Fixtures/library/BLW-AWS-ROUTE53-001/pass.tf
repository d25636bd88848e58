# Passes: the zone is signed; a private zone is out of scope.

resource "aws_route53_zone" "public" {
  name = "example.com"
}

resource "aws_route53_key_signing_key" "public" {
  hosted_zone_id             = aws_route53_zone.public.id
  key_management_service_arn = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
  name                       = "primary"
}

resource "aws_route53_hosted_zone_dnssec" "public" {
  hosted_zone_id = aws_route53_key_signing_key.public.hosted_zone_id
}

resource "aws_route53_zone" "internal" {
  name = "internal.example.com"

  vpc {
    vpc_id = "vpc-0a1b2c3d"
  }
}
