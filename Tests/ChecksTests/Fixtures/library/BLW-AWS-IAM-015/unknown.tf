# Unknown: one action comes from a variable without a value.
variable "extra" {
  type = string
}

data "aws_iam_policy_document" "ci" {
  statement {
    actions   = ["s3:ListBucket", var.extra]
    resources = ["*"]
  }
}
