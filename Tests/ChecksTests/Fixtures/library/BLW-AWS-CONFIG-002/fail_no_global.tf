# Fails: no recording_group, so global resource types are not recorded.
resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::123456789012:role/aws-config"
}
