# Fails: an IAM user.

resource "aws_iam_user" "deploy" {
  name = "deploy"
}
