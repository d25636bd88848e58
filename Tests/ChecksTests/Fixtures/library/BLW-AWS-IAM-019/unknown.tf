# Unknown: whether the statement is conditioned depends on a variable without a value.
variable "queue_arns" {
  type = list(string)
}

resource "aws_iam_policy" "producer" {
  name = "producer"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sqs:SendMessage", Resource = var.queue_arns }]
  })
}
