# Fails: the public zone is not signed.

resource "aws_route53_zone" "public" {
  name = "example.com"
}
