# Passes: the trust names one role of the other account; a Deny naming the account does not trust it.
resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::111122223333:role/ci" } },
      { Effect = "Deny", Action = "sts:AssumeRole", Principal = { AWS = "444455556666" } },
    ]
  })
}
