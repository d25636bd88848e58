# Fails: transfer lock off.

resource "aws_route53domains_registered_domain" "this" {
  domain_name   = "example.com"
  transfer_lock = false
}
