# Unknown: IAM was not read (its answer has no value here), so a provider may be missing.
variable "iam_unread" {
  type = bool
}

data "aws_live_account" "this" {
  iam_unread = var.iam_unread
}
