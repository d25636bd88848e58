# Fails: no log_config.

resource "aws_appsync_graphql_api" "this" {
  name                = "orders"
  authentication_type = "AWS_IAM"
}
