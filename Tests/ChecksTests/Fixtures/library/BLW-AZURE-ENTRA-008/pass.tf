# PASSES: an enabled policy requires MFA for Windows Azure Service Management API.

data "azuread_tenant" "current" {}

resource "azuread_conditional_access_policy" "mfa" {
  display_name = data.azuread_tenant.current.id
  state        = "enabled"
  conditions {
    client_app_types = ["all"]
    applications {
      included_applications = ["797f4846-ba00-4fd7-ba43-dac1f8f63013"]
    }
    users {
      included_users = ["All"]
      included_roles = []
    }
  }
  grant_controls {
    operator          = "OR"
    built_in_controls = ["mfa"]
  }
}
