# FAILS: guests have limited access (the default), not restricted access.

resource "azuread_authorization_policy" "tenant" {
  guest_user_role_id = "10dae51f-b6af-4016-8d66-8c2a99b929b3"
}
