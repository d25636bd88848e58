# Passes: the account root, and * only under an organisation condition.

resource "aws_kms_key" "this" {
  description = "shared"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "Root"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "Org"
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = ["kms:Decrypt"]
        Resource  = "*"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123defg" } }
      }
    ]
  })
}

resource "aws_kms_key" "default_policy" {
  description = "no policy: the default key policy trusts the account"
}
