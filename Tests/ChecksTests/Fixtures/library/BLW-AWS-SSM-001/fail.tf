# Fails: the value is stored in clear text.

resource "aws_ssm_parameter" "token" {
  name  = "/app/api-token"
  type  = "String"
  value = "placeholder"
}
