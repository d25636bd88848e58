# Unknown: the role's managed policies come from a variable without a value.
variable "policies" {
  type = list(string)
}

resource "aws_iam_role" "platform" {
  name                = "platform"
  assume_role_policy  = jsonencode({ Version = "2012-10-17", Statement = [] })
  managed_policy_arns = var.policies
}
