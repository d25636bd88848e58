# Unknown: the action is passed in and has no value here.
variable "action" {
  type = string
}

resource "aws_iam_policy" "buyers" {
  name = "buyers"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.action, Resource = "*" }]
  })
}
