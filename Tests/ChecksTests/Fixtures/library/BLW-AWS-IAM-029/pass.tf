# Passes: root MFA is on.

data "aws_iam_account_summary" "this" {
  account_mfa_enabled = true
}
