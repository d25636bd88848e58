# Passes: no root access keys.

data "aws_iam_account_summary" "this" {
  account_access_keys_present = false
}
