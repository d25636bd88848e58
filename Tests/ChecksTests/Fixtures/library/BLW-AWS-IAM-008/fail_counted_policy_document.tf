# Fails: the counted policy document allows * on *; another statement's condition is known only after apply,
# which leaves the rendered policy unknown but cannot take the * on * grant away.
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "ops" {
  count = 1

  statement {
    actions   = ["*"]
    resources = ["*"]
  }

  statement {
    actions   = ["sts:AssumeRole"]
    resources = ["arn:aws:iam::123456789012:role/ops"]

    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_policy" "ops" {
  name   = "ops"
  policy = data.aws_iam_policy_document.ops[0].json
}
