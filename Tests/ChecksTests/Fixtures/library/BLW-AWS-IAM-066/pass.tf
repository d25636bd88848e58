# Passes: a used key; an inactive key; a never-used key of a user without a console password.
resource "aws_iam_user" "ana" {
  name             = "ana"
  password_enabled = true
}
resource "aws_iam_access_key" "used" {
  user           = aws_iam_user.ana.name
  status         = "Active"
  last_used_date = "2026-11-27T10:00:00+00:00"
}
resource "aws_iam_access_key" "inactive" {
  user   = aws_iam_user.ana.name
  status = "Inactive"
}
resource "aws_iam_user" "ci" {
  name             = "ci"
  password_enabled = false
}
resource "aws_iam_access_key" "ci" {
  user   = aws_iam_user.ci.name
  status = "Active"
}
