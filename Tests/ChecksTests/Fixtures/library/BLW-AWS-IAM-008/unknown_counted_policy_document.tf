# Unknown: the counted policy document's action comes from a variable with no value and its resource is *, so
# whether the policy allows * on * is known only after apply.
variable "action" {
  type = string
}

data "aws_iam_policy_document" "worker" {
  count = 1

  statement {
    actions   = [var.action]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "worker" {
  name   = "worker"
  policy = data.aws_iam_policy_document.worker[0].json
}
