# Fails: sts:* on Resource * includes AssumeRole.
data "aws_iam_policy_document" "hopper" {
  statement {
    actions   = ["sts:*"]
    resources = ["*"]
  }
}
