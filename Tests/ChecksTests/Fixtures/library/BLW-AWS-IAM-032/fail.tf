# Fails: an active key created 91 days ago.
resource "aws_iam_access_key" "old" {
  user     = "ci"
  status   = "Active"
  age_days = 91
}
