# Unknown: MFA is active but the virtual devices were not listed (no value here).
variable "unread" {
  type = bool
}

resource "aws_iam_user" "ana" {
  name               = "ana"
  mfa_active         = true
  virtual_mfa_unread = var.unread
}
