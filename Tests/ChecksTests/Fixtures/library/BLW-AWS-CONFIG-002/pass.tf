# Passes: every supported type, including global resources, is recorded.
resource "aws_config_configuration_recorder" "main" {
  name     = "default"
  role_arn = "arn:aws:iam::123456789012:role/aws-config"

  recording_group {
    all_supported                 = true
    include_global_resource_types = true
  }
}
