# Fails: the console password was last used 46 days ago.
resource "aws_iam_user" "stale" {
  name                    = "stale"
  password_enabled        = true
  password_last_used_days = 46
}
