# Fails: not encrypted at rest.

resource "aws_appsync_api_cache" "this" {
  api_id               = "abcdefghijklmnopqrstuvwxy"
  api_caching_behavior = "FULL_REQUEST_CACHING"
  type                 = "SMALL"
  ttl                  = 300
}
