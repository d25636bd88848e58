# Passes: the attachments hold other policies.
resource "aws_iam_role_policy_attachment" "readers" {
  role       = "readers"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
resource "aws_iam_user_policy_attachment" "auditor" {
  user       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}
data "aws_live_account" "this" {
  iam_unread              = false
  role_policy_attachment  = [aws_iam_role_policy_attachment.readers.id]
  user_policy_attachment  = [aws_iam_user_policy_attachment.auditor.id]
}
