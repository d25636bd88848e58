# Fails: a group holds AWSCloudShellFullAccess.
resource "aws_iam_group_policy_attachment" "shell" {
  group      = "developers"
  policy_arn = "arn:aws:iam::aws:policy/AWSCloudShellFullAccess"
}
data "aws_live_account" "this" {
  iam_unread              = false
  group_policy_attachment = [aws_iam_group_policy_attachment.shell.id]
}
