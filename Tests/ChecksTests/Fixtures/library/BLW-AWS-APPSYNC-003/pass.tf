# Passes: encrypted at rest and in transit.

resource "aws_appsync_api_cache" "this" {
  api_id                     = "abcdefghijklmnopqrstuvwxy"
  api_caching_behavior       = "FULL_REQUEST_CACHING"
  type                       = "SMALL"
  ttl                        = 300
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
