# Passes: IAM authorization, an API key, and a CORS preflight method.

resource "aws_api_gateway_method" "get_orders" {
  rest_api_id   = "a1b2c3d4e5"
  resource_id   = "res123"
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "post_orders" {
  rest_api_id      = "a1b2c3d4e5"
  resource_id      = "res123"
  http_method      = "POST"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_method" "options_orders" {
  rest_api_id   = "a1b2c3d4e5"
  resource_id   = "res123"
  http_method   = "OPTIONS"
  authorization = "NONE"
}
