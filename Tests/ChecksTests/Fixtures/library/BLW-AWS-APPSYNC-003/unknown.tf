# Unknown: at_rest_encryption_enabled comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_appsync_api_cache" "this" {
  api_id                     = "abcdefghijklmnopqrstuvwxy"
  api_caching_behavior       = "FULL_REQUEST_CACHING"
  type                       = "SMALL"
  ttl                        = 300
  at_rest_encryption_enabled = var.setting
  transit_encryption_enabled = true
}
