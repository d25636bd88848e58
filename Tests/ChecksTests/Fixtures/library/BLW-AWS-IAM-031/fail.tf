# Fails: a console password and no MFA (as the credential report reads it).
resource "aws_iam_user" "console" {
  name             = "console"
  password_enabled = true
  mfa_active       = false
}
