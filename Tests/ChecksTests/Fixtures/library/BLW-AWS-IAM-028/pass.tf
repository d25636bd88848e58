# Passes: a programmatic user without a login profile.

resource "aws_iam_user" "ci" {
  name = "ci"
}
