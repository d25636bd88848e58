# PASSES: users cannot register applications.

resource "azuread_authorization_policy" "tenant" {
  default_user_role_permissions {
    allowed_to_create_applications = false
  }
}
