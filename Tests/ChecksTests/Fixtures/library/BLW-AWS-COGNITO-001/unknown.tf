# Unknown: allow_unauthenticated_identities comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_cognito_identity_pool" "this" {
  identity_pool_name               = "shop"
  allow_unauthenticated_identities = var.setting
}
