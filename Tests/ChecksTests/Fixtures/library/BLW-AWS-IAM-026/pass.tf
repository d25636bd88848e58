# Passes: the person is a user of the IAM Identity Center identity store.

resource "aws_identitystore_user" "alice" {
  identity_store_id = "d-1234567890"
  display_name      = "Alice Martin"
  user_name         = "alice"

  name {
    given_name  = "Alice"
    family_name = "Martin"
  }
}
