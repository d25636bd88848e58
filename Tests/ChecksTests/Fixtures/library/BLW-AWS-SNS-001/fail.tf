# Fails: no kms_master_key_id.

resource "aws_sns_topic" "this" {
  name = "alerts"
}
