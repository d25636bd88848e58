# Passes: the default keeps the lock.

resource "aws_route53domains_registered_domain" "this" {
  domain_name = "example.com"
}
