# Passes: named actions only; and cloudtrail:* on one resource, or taken back by a Deny on Resource *.
resource "aws_iam_user_policy" "reader" {
  name = "reader"
  user = "auditor"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["cloudtrail:DescribeTrails", "cloudtrail:LookupEvents"], Resource = "*" }]
  })
}
data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["cloudtrail:*"]
    resources = ["arn:aws:cloudtrail:us-east-1:123456789012:trail/main"]
  }
}
resource "aws_iam_group_policy" "denied" {
  name  = "denied"
  group = "ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "*", Resource = "*" },
      { Effect = "Deny", Action = "cloudtrail:*", Resource = "*" },
    ]
  })
}
