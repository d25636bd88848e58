# Fails: the route is open to anyone.

resource "aws_apigatewayv2_route" "orders" {
  api_id    = "a1b2c3d4e5"
  route_key = "GET /orders"
  target    = "integrations/abc123"
}
