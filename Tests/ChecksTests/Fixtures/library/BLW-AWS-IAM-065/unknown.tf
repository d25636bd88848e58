# Unknown: IAM was not read (its answer has no value here), so what the account refers to may be incomplete.
variable "iam_unread" {
  type = bool
}

data "aws_live_account" "this" {
  iam_unread = var.iam_unread
}
