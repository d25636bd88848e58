# Fails: the document's statement lists iam:* among its actions.
data "aws_iam_policy_document" "iam_admin" {
  statement {
    actions   = ["s3:ListBucket", "iam:*"]
    resources = ["*"]
  }
}
