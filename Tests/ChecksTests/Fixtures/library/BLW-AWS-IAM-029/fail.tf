# Fails: the account summary shows no root MFA.

data "aws_iam_account_summary" "this" {
  account_mfa_enabled = false
}
