# Passes: the * on * statement is replaced, by Sid, by a scoped statement from an override document.
data "aws_iam_policy_document" "scoped" {
  statement {
    sid       = "Main"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-data/*"]
  }
}

data "aws_iam_policy_document" "placeholder" {
  override_policy_documents = [data.aws_iam_policy_document.scoped.json]

  statement {
    sid       = "Main"
    actions   = ["*"]
    resources = ["*"]
  }
}
