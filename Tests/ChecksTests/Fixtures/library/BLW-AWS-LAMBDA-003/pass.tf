# Passes: callers must sign requests with IAM credentials.

resource "aws_lambda_function_url" "this" {
  function_name      = "image-resizer"
  authorization_type = "AWS_IAM"
}
