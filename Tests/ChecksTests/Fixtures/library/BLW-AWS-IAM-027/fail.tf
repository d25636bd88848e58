# Fails: a key for the root user.

resource "aws_iam_access_key" "root" {
  user = "root"
}
