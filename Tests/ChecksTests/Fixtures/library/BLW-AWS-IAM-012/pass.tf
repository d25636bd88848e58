# Passes: the actions are named; "*" appears only in a Deny.
data "aws_iam_policy_document" "named" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::acme-builds/*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["arn:aws:s3:::acme-secrets/*"]
  }
}
