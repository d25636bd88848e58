# Fails: the exclusive policy attachment lists a user alongside a group.
resource "aws_iam_policy_attachment" "readonly" {
  name       = "readonly"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  groups     = ["auditors"]
  users      = ["bob"]
}
