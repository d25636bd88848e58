# PASSES: security defaults are on.

resource "azuread_security_defaults_policy" "tenant" {
  enabled = true
}
