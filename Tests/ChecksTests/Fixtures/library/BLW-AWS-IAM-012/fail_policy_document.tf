# Fails: a statement without effect allows, and it lists "*".
data "aws_iam_policy_document" "everything" {
  statement {
    actions   = ["*"]
    resources = ["arn:aws:s3:::acme-builds/*"]
  }
}
