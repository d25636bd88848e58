# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_codeartifact_domain" "this" {
  domain = "acme"
}
