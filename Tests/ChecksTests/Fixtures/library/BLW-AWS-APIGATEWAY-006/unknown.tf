# Unknown: the authorization type comes from a variable with no value.
variable "authorization" {
  type = string
}

resource "aws_apigatewayv2_route" "orders" {
  api_id             = "a1b2c3d4e5"
  route_key          = "GET /orders"
  authorization_type = var.authorization
}
