# Unknown: one variable comes from a variable with no value.
variable "token" {
  type = string
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders-lambda"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "orders.zip"

  environment {
    variables = {
      API_TOKEN = var.token
    }
  }
}
