# Fails: the AWS managed key.

resource "aws_dynamodb_table_replica" "orders" {
  global_table_arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"
}
