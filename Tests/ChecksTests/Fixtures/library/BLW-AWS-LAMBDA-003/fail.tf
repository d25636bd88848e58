# Fails: the function URL is unauthenticated.

resource "aws_lambda_function_url" "this" {
  function_name      = "image-resizer"
  authorization_type = "NONE"
}
