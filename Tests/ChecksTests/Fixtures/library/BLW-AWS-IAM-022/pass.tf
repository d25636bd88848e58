# Passes: read-only IAM access is attached.
resource "aws_iam_policy_attachment" "iam_read" {
  name       = "iam-read"
  roles      = ["auditor"]
  policy_arn = "arn:aws:iam::aws:policy/IAMReadOnlyAccess"
}
