# Fails: messages may be sent to every queue of the account.
data "aws_iam_policy_document" "producer" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
}
