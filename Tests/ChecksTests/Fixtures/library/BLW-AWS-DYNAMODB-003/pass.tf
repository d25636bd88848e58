# Passes: a customer managed key.

resource "aws_dynamodb_table_replica" "orders" {
  global_table_arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"
  kms_key_arn      = "arn:aws:kms:eu-central-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}
