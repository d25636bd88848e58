# Passes: one named account, and every account of one organization.
resource "aws_lambda_layer_version_permission" "account" {
  layer_name     = "arn:aws:lambda:us-east-1:123456789012:layer:shared"
  version_number = 3
  statement_id   = "account"
  action         = "lambda:GetLayerVersion"
  principal      = "210987654321"
}
resource "aws_lambda_layer_version_permission" "organization" {
  layer_name      = "arn:aws:lambda:us-east-1:123456789012:layer:shared"
  version_number  = 3
  statement_id    = "org"
  action          = "lambda:GetLayerVersion"
  principal       = "*"
  organization_id = "o-abc123def4"
}
