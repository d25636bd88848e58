# Passes: MFA is active and no virtual device is assigned to the user.
resource "aws_iam_user" "ana" {
  name               = "ana"
  mfa_active         = true
  virtual_mfa_unread = false
}
