# PASSES: guests see only their own directory objects.

resource "azuread_authorization_policy" "tenant" {
  guest_user_role_id = "2af84b1e-32c8-42b7-82bc-daa82404023b"
}
