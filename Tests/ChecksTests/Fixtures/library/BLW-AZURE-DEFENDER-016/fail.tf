# FAILS: the Containers plan declares no such extension.

resource "azurerm_security_center_subscription_pricing" "this" {
  tier          = "Standard"
  resource_type = "Containers"
}
