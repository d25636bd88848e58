# Passes: a key used 10 days ago, and a new key never used yet.
resource "aws_iam_access_key" "used" {
  user           = "ci"
  status         = "Active"
  age_days       = 200
  last_used_date = "2026-11-27T10:00:00+00:00"
  last_used_days = 10
}
resource "aws_iam_access_key" "new" {
  user     = "ci"
  status   = "Active"
  age_days = 3
}
