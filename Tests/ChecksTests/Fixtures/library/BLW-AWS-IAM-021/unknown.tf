# Unknown: the attached policy comes from a variable without a value.
variable "policy_arn" {
  type = string
}

resource "aws_iam_group_policy_attachment" "ops" {
  group      = "ops"
  policy_arn = var.policy_arn
}
