# Fails: aws-marketplace:* on Resource * includes Subscribe.
resource "aws_iam_policy" "buyers" {
  name = "buyers"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "aws-marketplace:*", Resource = "*" }]
  })
}
