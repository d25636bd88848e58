# Fails: tokens the identity pool issued to any client are accepted.
resource "aws_iam_role" "app_users" {
  name = "app-users"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "cognito-identity.amazonaws.com" }
    }]
  })
}
