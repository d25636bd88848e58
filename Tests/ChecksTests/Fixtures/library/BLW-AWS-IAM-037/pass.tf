# Passes: a role holds SecurityAudit.
resource "aws_iam_role" "responders" {
  name               = "responders"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy_attachment" "responders" {
  role       = aws_iam_role.responders.name
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}
data "aws_live_account" "this" {
  iam_unread             = false
  role_policy_attachment = [aws_iam_role_policy_attachment.responders.id]
}
