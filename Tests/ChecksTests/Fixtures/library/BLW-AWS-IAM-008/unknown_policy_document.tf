# Unknown: one action of the policy document comes from a variable with no value, so the rendered policy is
# known only after apply.
variable "extra_action" {
  type = string
}

data "aws_iam_policy_document" "worker" {
  statement {
    actions   = ["sqs:ReceiveMessage", var.extra_action]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "worker" {
  name   = "worker"
  policy = data.aws_iam_policy_document.worker.json
}
