# Passes: one named role; a wildcard restricted by a condition; a wildcard for another action.
resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "sts:AssumeRole", Resource = "arn:aws:iam::123456789012:role/deployer" },
      {
        Effect    = "Allow", Action = "sts:AssumeRole", Resource = "*"
        Condition = { StringEquals = { "aws:ResourceAccount" = "123456789012" } }
      },
      { Effect = "Allow", Action = "sts:GetCallerIdentity", Resource = "*" },
    ]
  })
}
