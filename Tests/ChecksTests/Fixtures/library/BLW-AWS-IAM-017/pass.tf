# Passes: the bucket policy action is limited to one bucket.
data "aws_iam_policy_document" "bucket_admin" {
  statement {
    actions   = ["s3:PutBucketPolicy"]
    resources = ["arn:aws:s3:::acme-site"]
  }
}
