# Unknown: the conditions come from a variable without a value.
variable "audience_variable" {
  type = string
}

data "aws_iam_policy_document" "web" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["accounts.google.com"]
    }
    condition {
      test     = "StringEquals"
      variable = var.audience_variable
      values   = ["my-client-id"]
    }
  }
}
