# Fails: the user has an inline policy.
resource "aws_iam_user_policy" "ci" {
  name = "ci-deploy"
  user = "ci"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ecr:PutImage"], Resource = "*" }]
  })
}
