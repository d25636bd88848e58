# Passes: a recent active key and an old inactive one.
resource "aws_iam_access_key" "recent" {
  user     = "ci"
  status   = "Active"
  age_days = 30
}
resource "aws_iam_access_key" "old_inactive" {
  user     = "ci"
  status   = "Inactive"
  age_days = 400
}
