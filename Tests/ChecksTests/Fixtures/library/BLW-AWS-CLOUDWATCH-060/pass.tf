# Passes: other roles only.
resource "aws_iam_role" "readers" {
  name               = "readers"
  assume_role_policy = "{}"
}
data "aws_live_account" "this" {
  iam_unread = false
  role       = [aws_iam_role.readers.id]
}
