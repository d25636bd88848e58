# Fails: an administrators group with a member without MFA.
resource "aws_iam_group" "admins" {
  name = "admins"
}
resource "aws_iam_group_policy_attachment" "admins" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
resource "aws_iam_user" "ana" {
  name       = "ana"
  mfa_active = false
}
resource "aws_iam_user_group_membership" "ana" {
  user   = aws_iam_user.ana.name
  groups = [aws_iam_group.admins.name]
}
