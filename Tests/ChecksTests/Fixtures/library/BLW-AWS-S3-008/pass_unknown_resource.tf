# Passes: the policy document names the bucket's ARN, known only after apply, so its JSON is too; but its Deny
# statement's condition on aws:SecureTransport = false is known, whatever the resource turns out to be.
resource "aws_s3_bucket" "billing" {
  bucket = "acme-billing"
}

data "aws_iam_policy_document" "billing" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.billing.arn}/*"]

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
