# Passes: the policy allows two S3 actions on one bucket; the Deny on * is not a grant.
resource "aws_iam_policy" "reader" {
  name = "data-reader"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:GetObject", "s3:ListBucket"]
      Resource = ["arn:aws:s3:::acme-data", "arn:aws:s3:::acme-data/*"]
    }]
  })
}

resource "aws_iam_group_policy" "deny_all" {
  name  = "quarantine"
  group = "quarantined"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}
