# Passes: tracing is on.

resource "aws_api_gateway_stage" "prod" {
  stage_name           = "prod"
  rest_api_id          = "a1b2c3d4e5"
  deployment_id        = "abc123"
  xray_tracing_enabled = true
}
