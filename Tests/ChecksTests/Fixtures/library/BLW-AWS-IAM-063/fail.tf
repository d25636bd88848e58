# Fails: sts:AssumeRole on every role of every account.
resource "aws_iam_policy" "hopper" {
  name = "hopper"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "arn:aws:iam::*:role/*" }]
  })
}
