# Fails: every AWS identity may read the objects, with no condition.
data "aws_iam_policy_document" "public_read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-site/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
