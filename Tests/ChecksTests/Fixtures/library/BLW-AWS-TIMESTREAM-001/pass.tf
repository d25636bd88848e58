# Passes: a customer managed key.

resource "aws_timestreamwrite_database" "this" {
  database_name = "metrics"
  kms_key_id    = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
