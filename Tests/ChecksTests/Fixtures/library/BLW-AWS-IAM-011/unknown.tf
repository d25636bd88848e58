# Unknown: the one action comes from a variable without a value.
variable "action" {
  type = string
}

data "aws_iam_policy_document" "open" {
  statement {
    actions   = [var.action]
    resources = ["*"]
  }
}
