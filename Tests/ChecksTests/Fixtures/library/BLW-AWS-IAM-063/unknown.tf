# Unknown: the actions are passed in and have no value here.
variable "actions" {
  type = list(string)
}

resource "aws_iam_policy" "hopper" {
  name = "hopper"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.actions, Resource = "*" }]
  })
}
