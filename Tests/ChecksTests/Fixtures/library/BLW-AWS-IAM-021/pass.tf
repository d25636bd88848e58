# Passes: read-only access is attached; the policy read by name is not AdministratorAccess.
resource "aws_iam_user_policy_attachment" "auditor" {
  user       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

data "aws_iam_policy" "readonly" {
  name = "ReadOnlyAccess"
}
