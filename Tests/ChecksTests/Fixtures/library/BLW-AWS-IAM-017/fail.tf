# Fails: any bucket's policy may be replaced.
resource "aws_iam_role_policy" "bucket_admin" {
  name = "bucket-admin"
  role = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:PutBucketPolicy", "s3:GetBucketPolicy"], Resource = "*" }]
  })
}
