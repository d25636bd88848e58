# Fails: guest access.

resource "aws_cognito_identity_pool" "this" {
  identity_pool_name               = "shop"
  allow_unauthenticated_identities = true
}
