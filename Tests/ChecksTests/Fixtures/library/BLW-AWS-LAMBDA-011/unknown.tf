# Unknown: the allowed origins come from a variable with no value.
variable "origins" {
  type = list(string)
}

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
    allow_origins = var.origins
    allow_methods = ["*"]
  }
}
