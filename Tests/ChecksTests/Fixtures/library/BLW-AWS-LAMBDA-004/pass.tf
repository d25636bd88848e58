# Passes: failed asynchronous events go to an SQS queue.

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders-lambda"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "orders.zip"

  dead_letter_config {
    target_arn = "arn:aws:sqs:eu-west-1:123456789012:orders-dlq"
  }
}
