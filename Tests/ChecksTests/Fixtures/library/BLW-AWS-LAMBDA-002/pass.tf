# Passes: tracing mode is Active.

resource "aws_lambda_function" "this" {
  function_name = "image-resizer"
  role          = "arn:aws:iam::123456789012:role/image-resizer"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/image-resizer.zip"

  tracing_config {
    mode = "Active"
  }
}
