# Fails: anyone may call the method.

resource "aws_api_gateway_method" "get_orders" {
  rest_api_id   = "a1b2c3d4e5"
  resource_id   = "res123"
  http_method   = "GET"
  authorization = "NONE"
}
