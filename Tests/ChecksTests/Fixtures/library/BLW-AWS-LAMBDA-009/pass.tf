# Passes: the environment names the secret, it does not contain it.

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders-lambda"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "orders.zip"

  environment {
    variables = {
      DB_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db"
      TABLE_NAME    = "orders"
    }
  }
}
