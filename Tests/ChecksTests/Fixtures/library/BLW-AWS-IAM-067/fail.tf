# Fails: a virtual device; and no MFA at all.
resource "aws_iam_user" "ana" {
  name               = "ana"
  mfa_active         = true
  virtual_mfa_unread = false
}
resource "aws_iam_virtual_mfa_device" "ana" {
  virtual_mfa_device_name = "ana"
  user_name               = aws_iam_user.ana.name
}
resource "aws_iam_user" "bo" {
  name               = "bo"
  mfa_active         = false
  virtual_mfa_unread = false
}
