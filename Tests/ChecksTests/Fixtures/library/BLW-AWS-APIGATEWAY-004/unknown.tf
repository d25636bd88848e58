# Unknown: data tracing comes from a variable with no value.
variable "data_trace" {
  type = bool
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = "a1b2c3d4e5"
  stage_name  = "prod"
  method_path = "*/*"

  settings {
    data_trace_enabled = var.data_trace
  }
}
