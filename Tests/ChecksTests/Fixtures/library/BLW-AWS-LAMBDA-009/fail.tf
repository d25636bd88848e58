# Fails: an access key pair is written into the environment.

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders-lambda"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "orders.zip"

  environment {
    variables = {
      AWS_ACCESS_KEY_ID = "AKIAZZZZEXAMPLE00001"
      TABLE_NAME        = "orders"
    }
  }
}
