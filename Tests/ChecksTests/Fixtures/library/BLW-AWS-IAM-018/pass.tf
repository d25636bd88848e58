# Passes: PassRole is limited to one role, so no escalation path is complete without constraints.
data "aws_iam_policy_document" "launcher" {
  statement {
    actions   = ["ec2:RunInstances"]
    resources = ["*"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::111122223333:role/app"]
  }
}
