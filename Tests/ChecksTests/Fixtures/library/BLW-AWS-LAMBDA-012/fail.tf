# Fails: every AWS account may use the layer version.
resource "aws_lambda_layer_version_permission" "public" {
  layer_name     = "arn:aws:lambda:us-east-1:123456789012:layer:shared"
  version_number = 3
  statement_id   = "everyone"
  action         = "lambda:GetLayerVersion"
  principal      = "*"
}
