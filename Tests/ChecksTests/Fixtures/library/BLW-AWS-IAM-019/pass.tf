# Passes: writes name their queue; the Resource "*" statement only reads, and the other one is conditioned.
data "aws_iam_policy_document" "producer" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["arn:aws:sqs:eu-west-1:111122223333:jobs"]
  }
  statement {
    actions   = ["sqs:ListQueues", "sqs:GetQueueUrl"]
    resources = ["*"]
  }
  statement {
    actions   = ["sqs:DeleteMessage"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/team"
      values   = ["jobs"]
    }
  }
}
