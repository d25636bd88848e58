# Fails: Organizations was read and the account is in none.
data "aws_live_account" "this" {
  organizations_unread = false
}
