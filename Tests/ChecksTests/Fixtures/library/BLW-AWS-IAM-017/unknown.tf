# Unknown: the resources come from a variable without a value.
variable "targets" {
  type = list(string)
}

data "aws_iam_policy_document" "bucket_admin" {
  statement {
    actions   = ["s3:PutBucketPolicy"]
    resources = var.targets
  }
}
