# Passes: Describe actions accept only "*", and object reads on "*" are taken away by a Deny.
data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["ec2:DescribeInstances", "s3:GetObject"]
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}
