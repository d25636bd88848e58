# Passes: the region has a recording recorder.
resource "aws_config_configuration_recorder_status" "this" {
  name       = "default"
  is_enabled = true
}
data "aws_live_region" "us_east_1" {
  name            = "us-east-1"
  config_unread   = false
  config_recorder = [aws_config_configuration_recorder_status.this.id]
}
