# Passes: access logs go to a log group (its ARN is known only after apply, the block itself is present).
resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/apigateway/prod"
  retention_in_days = 365
}
resource "aws_api_gateway_stage" "this" {
  rest_api_id   = "a1b2c3d4e5"
  deployment_id = "abc123"
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.requestId $context.identity.sourceIp $context.status"
  }
}
