# Passes: viewing subscriptions only; and Subscribe taken back by a Deny on Resource *.
resource "aws_iam_policy" "viewers" {
  name = "viewers"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "aws-marketplace:ViewSubscriptions", Resource = "*" }]
  })
}
resource "aws_iam_role_policy" "admin" {
  name = "admin"
  role = "ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "*", Resource = "*" },
      { Effect = "Deny", Action = "aws-marketplace:Subscribe", Resource = "*" },
    ]
  })
}
