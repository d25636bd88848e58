# PASSES: only admins create tenants.

resource "azuread_authorization_policy" "tenant" {
  default_user_role_permissions {
    allowed_to_create_tenants = false
  }
}
