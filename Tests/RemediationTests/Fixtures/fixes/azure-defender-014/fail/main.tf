# FAILS: the Dns plan is Free.

resource "azurerm_security_center_subscription_pricing" "this" {
  tier          = "Free"
  resource_type = "Dns"
}
