# Fails: IAM was read and holds no SAML provider.
data "aws_live_account" "this" {
  iam_unread = false
}
