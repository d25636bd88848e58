# Fails: a new version of any managed policy can be written and made default.
resource "aws_iam_policy" "versions" {
  name = "versions"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:CreatePolicyVersion", Resource = "*" }]
  })
}
