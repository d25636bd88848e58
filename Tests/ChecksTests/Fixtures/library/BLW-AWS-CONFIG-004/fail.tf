# Fails: a custom role.
resource "aws_config_configuration_recorder" "this" {
  name     = "default"
  role_arn = "arn:aws:iam::123456789012:role/config-recorder"
}
