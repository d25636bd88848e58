# Passes: the bucket policy, rendered from an aws_iam_policy_document, denies every request made without TLS.
data "aws_iam_policy_document" "billing" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::acme-billing", "arn:aws:s3:::acme-billing/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "billing" {
  bucket = "acme-billing"
  policy = data.aws_iam_policy_document.billing.json
}
