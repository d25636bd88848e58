# Passes: a customer managed key.

resource "aws_memorydb_cluster" "this" {
  name        = "sessions"
  node_type   = "db.t4g.small"
  acl_name    = "open-access"
  kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
