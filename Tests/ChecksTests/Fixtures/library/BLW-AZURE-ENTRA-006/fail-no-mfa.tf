# FAILS: the all-users policy grants with a compliant device, not MFA.

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
      included_users = ["All"]
      included_roles = []
    }
  }
  grant_controls {
    operator          = "OR"
    built_in_controls = ["compliantDevice"]
  }
}
