# Unknown: the resources come from a variable without a value.
variable "buckets" {
  type = list(string)
}

data "aws_iam_policy_document" "reads" {
  statement {
    actions   = ["s3:GetObject"]
    resources = var.buckets
  }
}
