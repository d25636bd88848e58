# Passes: named IAM read actions only, and iam:* only in a Deny.
data "aws_iam_policy_document" "iam_reader" {
  statement {
    actions   = ["iam:GetRole", "iam:ListRoles"]
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["iam:*"]
    resources = ["arn:aws:iam::111122223333:role/protected"]
  }
}

resource "aws_iam_role_policy" "reader" {
  name   = "reader"
  role   = "reader"
  policy = data.aws_iam_policy_document.iam_reader.json
}
