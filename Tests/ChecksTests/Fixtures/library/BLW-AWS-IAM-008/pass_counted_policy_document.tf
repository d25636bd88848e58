# Passes: the counted policy document's resources are ARNs built from the caller's account, known only after apply,
# but its only actions are known and none is *, so the policy cannot allow * on *.
variable "create" {
  type    = bool
  default = true
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "logs" {
  count = var.create ? 1 : 0

  statement {
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["arn:aws:logs:eu-west-1:${data.aws_caller_identity.current.account_id}:log-group:/app:*"]
  }
}

resource "aws_iam_role_policy" "logs" {
  count = var.create ? 1 : 0

  name   = "logs"
  role   = "app"
  policy = data.aws_iam_policy_document.logs[0].json
}
