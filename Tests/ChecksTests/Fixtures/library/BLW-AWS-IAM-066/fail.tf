# Fails: a console user's active key was never used.
resource "aws_iam_user" "ana" {
  name             = "ana"
  password_enabled = true
}
resource "aws_iam_access_key" "ana" {
  user   = aws_iam_user.ana.name
  status = "Active"
}
