# Unknown: the member's MFA state was not read (no value here).
variable "mfa" {
  type = bool
}

resource "aws_iam_group" "admins" {
  name = "admins"
}
resource "aws_iam_group_policy_attachment" "admins" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
resource "aws_iam_user" "ana" {
  name       = "ana"
  mfa_active = var.mfa
}
resource "aws_iam_user_group_membership" "ana" {
  user   = aws_iam_user.ana.name
  groups = [aws_iam_group.admins.name]
}
