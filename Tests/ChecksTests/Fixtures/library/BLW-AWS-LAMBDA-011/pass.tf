# Passes: the URL allows one origin; a function without a URL passes too.

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders-lambda"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "orders.zip"
}

resource "aws_lambda_function_url" "orders" {
  function_name      = aws_lambda_function.orders.function_name
  authorization_type = "AWS_IAM"

  cors {
    allow_origins = ["https://shop.example.com"]
    allow_methods = ["*"]
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "worker"
  role          = "arn:aws:iam::123456789012:role/worker-lambda"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "worker.zip"
}
