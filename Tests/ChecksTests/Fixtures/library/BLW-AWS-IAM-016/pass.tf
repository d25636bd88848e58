# Passes: reads are limited to one bucket's objects and one parameter path.
data "aws_iam_policy_document" "reads" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::acme-config/*"]
  }
  statement {
    actions   = ["ssm:GetParametersByPath"]
    resources = ["arn:aws:ssm:eu-west-1:111122223333:parameter/app/*"]
  }
}
