# Passes: the document only allows reading one table.
data "aws_iam_policy_document" "reader" {
  statement {
    effect    = "Allow"
    actions   = ["dynamodb:GetItem", "dynamodb:Query"]
    resources = ["arn:aws:dynamodb:eu-west-1:123456789012:table/orders"]
  }
}
