# Passes: authenticated identities only.

resource "aws_cognito_identity_pool" "this" {
  identity_pool_name               = "shop"
  allow_unauthenticated_identities = false
}
