# PASSES: an enabled policy requires MFA for Global Administrators.

data "azuread_tenant" "current" {}

resource "azuread_conditional_access_policy" "mfa" {
  display_name = data.azuread_tenant.current.id
  state        = "enabled"
  conditions {
    client_app_types = ["all"]
    applications {
      included_applications = ["All"]
    }
    users {
      included_users = []
      included_roles = ["62e90394-69f5-4237-9190-012177145e10"]
    }
  }
  grant_controls {
    operator          = "OR"
    built_in_controls = ["mfa"]
  }
}
