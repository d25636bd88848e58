# Unknown: the trusted account comes from a variable without a value.
variable "account_id" {
  type = string
}

resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = var.account_id } }]
  })
}
