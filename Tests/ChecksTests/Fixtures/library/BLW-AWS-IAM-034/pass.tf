# Passes: a console password used yesterday, and one never used.
resource "aws_iam_user" "active" {
  name                    = "active"
  password_enabled        = true
  password_last_used_days = 1
}
resource "aws_iam_user" "fresh" {
  name             = "fresh"
  password_enabled = true
}
