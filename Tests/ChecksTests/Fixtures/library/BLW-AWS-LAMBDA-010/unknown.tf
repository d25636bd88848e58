# Unknown: the runtime comes from a variable with no value.
variable "runtime" {
  type = string
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders-lambda"
  handler       = "index.handler"
  runtime       = var.runtime
  filename      = "orders.zip"
}
