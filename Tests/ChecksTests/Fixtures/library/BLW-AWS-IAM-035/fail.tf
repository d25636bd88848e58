# Fails: both key slots are active.
resource "aws_iam_user" "ci" {
  name               = "ci"
  active_access_keys = 2
}
