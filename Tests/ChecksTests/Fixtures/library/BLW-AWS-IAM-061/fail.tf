# Fails: cloudtrail:* on Resource * grants every CloudTrail action on every resource.
resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "cloudtrail:*", Resource = "*" }]
  })
}
