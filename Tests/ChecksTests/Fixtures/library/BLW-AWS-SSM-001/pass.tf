# Passes: the value is encrypted.

resource "aws_ssm_parameter" "token" {
  name  = "/app/api-token"
  type  = "SecureString"
  value = "placeholder"
}
