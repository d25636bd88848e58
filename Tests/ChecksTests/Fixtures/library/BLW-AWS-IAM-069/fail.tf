# Fails: another account's root may assume a role holding ReadOnlyAccess.
resource "aws_iam_role" "vendor" {
  name = "vendor"
  arn  = "arn:aws:iam::123456789012:role/vendor"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = "arn:aws:iam::210987654321:root" }
    }]
  })
}
resource "aws_iam_role_policy_attachment" "vendor" {
  role       = aws_iam_role.vendor.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
