# Fails: a customer managed policy written as a heredoc allows * on *.
resource "aws_iam_policy" "admin" {
  name   = "break-glass"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
}
EOF
}
