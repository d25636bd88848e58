# Fails: no endpoint_options.

resource "aws_cloudsearch_domain" "this" {
  name = "catalogue"
}
