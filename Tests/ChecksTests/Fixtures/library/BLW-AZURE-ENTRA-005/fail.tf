# FAILS: everyone, guests included, can invite guests.

resource "azuread_authorization_policy" "tenant" {
  allow_invites_from = "everyone"
}
