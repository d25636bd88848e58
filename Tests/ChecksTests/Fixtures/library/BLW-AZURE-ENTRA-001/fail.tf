# FAILS: security defaults are off (as Graph reports them; azuread has no resource for this policy).

resource "azuread_security_defaults_policy" "tenant" {
  enabled = false
}
