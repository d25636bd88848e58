# Unknown: the policy text is passed in and has no value here.
variable "policy_json" {
  type = string
}

resource "aws_iam_policy" "ops" {
  name   = "ops"
  policy = var.policy_json
}
