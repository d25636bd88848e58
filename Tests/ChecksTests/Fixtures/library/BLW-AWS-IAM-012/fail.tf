# Fails: Action "*" on one bucket still grants every action the bucket supports.
resource "aws_iam_user_policy" "bucket_all" {
  name = "bucket-all"
  user = "builder"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::acme-builds" }]
  })
}
