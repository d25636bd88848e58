# Passes: the policy attachment targets a group and a role only; users get access through the group.
resource "aws_iam_group" "auditors" {
  name = "auditors"
}

resource "aws_iam_policy_attachment" "readonly" {
  name       = "readonly"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  groups     = [aws_iam_group.auditors.name]
  roles      = ["auditor-role"]
}

resource "aws_iam_user_group_membership" "bob" {
  user   = "bob"
  groups = [aws_iam_group.auditors.name]
}
