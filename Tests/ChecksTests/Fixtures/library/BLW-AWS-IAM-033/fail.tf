# Fails: one key last used 60 days ago, one never used in its 50 days.
resource "aws_iam_access_key" "stale" {
  user           = "ci"
  status         = "Active"
  age_days       = 200
  last_used_date = "2026-10-08T10:00:00+00:00"
  last_used_days = 60
}
resource "aws_iam_access_key" "never" {
  user     = "ci"
  status   = "Active"
  age_days = 50
}
