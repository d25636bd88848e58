# Passes: a console user with MFA, and a user without a console password.
resource "aws_iam_user" "console" {
  name             = "console"
  password_enabled = true
  mfa_active       = true
}
resource "aws_iam_user" "service" {
  name             = "service"
  password_enabled = false
  mfa_active       = false
}
