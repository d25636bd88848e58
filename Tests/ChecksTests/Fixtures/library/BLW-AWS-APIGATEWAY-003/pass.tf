# Passes: the cache is encrypted; other settings do not cache at all.

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = "a1b2c3d4e5"
  stage_name  = "prod"
  method_path = "*/*"

  settings {
    caching_enabled      = true
    cache_data_encrypted = true
  }
}

resource "aws_api_gateway_method_settings" "metrics" {
  rest_api_id = "a1b2c3d4e5"
  stage_name  = "test"
  method_path = "*/*"

  settings {
    metrics_enabled = true
  }
}
