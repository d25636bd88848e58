# Fails: the default TLS 1.0 policy.

resource "aws_cloudsearch_domain" "this" {
  name = "catalogue"

  endpoint_options {
    enforce_https = true
  }
}
