# Fails: the API token (a SecureString) goes into the request header.

resource "aws_ssm_parameter" "token" {
  name  = "/shop/api-token"
  type  = "SecureString"
  value = var.api_token
}

data "http" "status" {
  url = "https://status.example.com/v1/check"

  request_headers = {
    Authorization = "Bearer ${aws_ssm_parameter.token.value}"
  }
}

variable "api_token" {
  type      = string
  sensitive = true
}
