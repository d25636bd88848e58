# Passes: the policy rendered from an aws_iam_policy_document reads one bucket; the Deny on * grants nothing.
data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]
  }

  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_iam_role_policy" "reader" {
  name   = "reader"
  role   = "reader"
  policy = data.aws_iam_policy_document.reader.json
}
