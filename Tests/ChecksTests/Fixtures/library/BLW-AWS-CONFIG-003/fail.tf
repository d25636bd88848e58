# Fails: the recorder is stopped.
resource "aws_config_configuration_recorder_status" "this" {
  name       = "default"
  is_enabled = false
}
data "aws_live_region" "us_east_1" {
  name            = "us-east-1"
  config_unread   = false
  config_recorder = [aws_config_configuration_recorder_status.this.id]
}
