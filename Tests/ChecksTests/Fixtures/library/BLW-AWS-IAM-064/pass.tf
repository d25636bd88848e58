# Passes: the service is pinned to the account; Secrets Manager acts for its own account only; an account trust
# is another check's question.
resource "aws_iam_role" "trail_to_logs" {
  name = "trail-to-logs"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" }
      Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
    }]
  })
}
resource "aws_iam_role" "rotation" {
  name = "rotation"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "secretsmanager.amazonaws.com" }
    }]
  })
}
resource "aws_iam_role" "operators" {
  name = "operators"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::123456789012:role/admin" }
    }]
  })
}
