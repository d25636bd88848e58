# Fails: the policy document names the bucket's ARN, known only after apply, so its JSON is too; but its only
# statement is a Deny without a condition on aws:SecureTransport, whatever the resource turns out to be.
resource "aws_s3_bucket" "billing" {
  bucket = "acme-billing"
}

data "aws_iam_policy_document" "billing" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.billing.arn}/*"]
  }
}

resource "aws_s3_bucket_policy" "billing" {
  bucket = "acme-billing"
  policy = data.aws_iam_policy_document.billing.json
}
