# Fails: any role may be passed to a new instance, which then acts with that role.
data "aws_iam_policy_document" "launcher" {
  statement {
    actions   = ["iam:PassRole", "ec2:RunInstances"]
    resources = ["*"]
  }
}
