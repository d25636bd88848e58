# Passes: a plain String parameter, and a request that reads no parameter.

resource "aws_ssm_parameter" "token" {
  name  = "/shop/api-token"
  type  = "String"
  value = var.api_token
}

data "http" "status" {
  url = "https://status.example.com/v1/check"

  request_headers = {
    Authorization = "Bearer ${aws_ssm_parameter.token.value}"
  }
}

data "http" "ip" {
  url = "https://checkip.amazonaws.com"
}

variable "api_token" {
  type      = string
  sensitive = true
}
