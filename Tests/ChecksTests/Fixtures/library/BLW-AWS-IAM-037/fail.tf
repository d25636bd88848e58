# Fails: the only role policy attachment is another policy.
resource "aws_iam_role_policy_attachment" "readers" {
  role       = "readers"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
data "aws_live_account" "this" {
  iam_unread             = false
  role_policy_attachment = [aws_iam_role_policy_attachment.readers.id]
}
