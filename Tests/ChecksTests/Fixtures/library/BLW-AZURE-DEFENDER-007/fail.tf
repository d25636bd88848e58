# FAILS: the AppServices plan is declared on the Free tier.

resource "azurerm_security_center_subscription_pricing" "appservices" {
  tier          = "Free"
  resource_type = "AppServices"
}

resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}
