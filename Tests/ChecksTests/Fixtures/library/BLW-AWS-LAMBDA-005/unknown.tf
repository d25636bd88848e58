# Unknown: the subnets come from a variable with no value, which may be empty.
variable "subnet_ids" {
  type = list(string)
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders-lambda"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "orders.zip"

  vpc_config {
    subnet_ids         = var.subnet_ids
    security_group_ids = ["sg-0a1b2c3d"]
  }
}
