# Fails: the policy is read to be attached elsewhere.
data "aws_iam_policy" "iam_full" {
  name = "IAMFullAccess"
}
