# Fails: queries are not logged.

resource "aws_route53_zone" "public" {
  name = "example.com"
}
