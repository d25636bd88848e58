# Passes: named actions only; and kms:* on one resource, or taken back by a Deny on Resource *.
resource "aws_iam_user_policy" "reader" {
  name = "reader"
  user = "auditor"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["kms:Decrypt", "kms:Encrypt"], Resource = "*" }]
  })
}
data "aws_iam_policy_document" "scoped" {
  statement {
    actions   = ["kms:*"]
    resources = ["arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
  }
}
resource "aws_iam_group_policy" "denied" {
  name  = "denied"
  group = "ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "*", Resource = "*" },
      { Effect = "Deny", Action = "kms:*", Resource = "*" },
    ]
  })
}
