# Passes: one active key.
resource "aws_iam_user" "ci" {
  name               = "ci"
  active_access_keys = 1
}
