# Fails: object reads on Resource "*" could have named the bucket.
data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
