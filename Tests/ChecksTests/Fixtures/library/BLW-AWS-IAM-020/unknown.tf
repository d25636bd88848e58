# Unknown: the statement's effect comes from a variable without a value.
variable "effect" {
  type = string
}

data "aws_iam_policy_document" "reader" {
  statement {
    effect    = var.effect
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
