# PASSES: only admins and guest inviters can invite.

resource "azuread_authorization_policy" "tenant" {
  allow_invites_from = "adminsAndGuestInviters"
}
