# Unknown: the policy document names the bucket's ARN, known only after apply, so its JSON is too; and the value
# its Deny statement's aws:SecureTransport condition tests comes from a variable with no value.
variable "secure_transport" {
  type = string
}

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
      values   = [var.secure_transport]
    }
  }
}

resource "aws_s3_bucket_policy" "billing" {
  bucket = "acme-billing"
  policy = data.aws_iam_policy_document.billing.json
}
