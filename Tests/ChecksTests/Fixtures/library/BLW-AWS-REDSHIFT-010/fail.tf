# Fails: no key is named, so an AWS owned or AWS managed key is used.

resource "aws_redshiftserverless_namespace" "this" {
  namespace_name = "analytics"
}
