# Fails: the sharing role exists.
resource "aws_iam_role" "sharing" {
  name               = "CloudWatch-CrossAccountSharingRole"
  assume_role_policy = "{}"
}
data "aws_live_account" "this" {
  iam_unread = false
  role       = [aws_iam_role.sharing.id]
}
