# Fails: the rendered policy denies deletes, but nothing denies aws:SecureTransport = false.
data "aws_iam_policy_document" "billing" {
  statement {
    effect    = "Deny"
    actions   = ["s3:DeleteObject"]
    resources = ["arn:aws:s3:::acme-billing/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_s3_bucket_policy" "billing" {
  bucket = "acme-billing"
  policy = data.aws_iam_policy_document.billing.json
}
