# Unknown: the type comes from a variable with no value.
variable "setting" {
  type = string
}

resource "aws_ssm_parameter" "token" {
  name  = "/app/api-token"
  type  = var.setting
  value = "placeholder"
}
