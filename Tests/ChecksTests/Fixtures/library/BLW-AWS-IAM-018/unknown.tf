# Unknown: what iam:PassRole applies to comes from a variable without a value.
variable "roles" {
  type = list(string)
}

data "aws_iam_policy_document" "launcher" {
  statement {
    actions   = ["ec2:RunInstances"]
    resources = ["*"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = var.roles
  }
}
