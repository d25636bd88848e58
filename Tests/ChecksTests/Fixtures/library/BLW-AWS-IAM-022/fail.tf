# Fails: the group gets every IAM action.
resource "aws_iam_group_policy_attachment" "iam" {
  group      = "platform"
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}
