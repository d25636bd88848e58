# Unknown: who is trusted comes from a variable without a value.
variable "readers" {
  type = list(string)
}

data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-site/*"]
    principals {
      type        = "AWS"
      identifiers = var.readers
    }
  }
}
