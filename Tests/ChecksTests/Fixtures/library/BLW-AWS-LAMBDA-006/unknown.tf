# Unknown: the limit comes from a variable with no value, which may be -1.
variable "concurrency" {
  type = number
}

resource "aws_lambda_function" "orders" {
  function_name                  = "orders"
  role                           = "arn:aws:iam::123456789012:role/orders-lambda"
  handler                        = "index.handler"
  runtime                        = "python3.12"
  filename                       = "orders.zip"
  reserved_concurrent_executions = var.concurrency
}
