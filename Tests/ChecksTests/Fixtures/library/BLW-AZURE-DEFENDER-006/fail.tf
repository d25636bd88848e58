# FAILS: the Containers plan is declared on the Free tier.

resource "azurerm_security_center_subscription_pricing" "containers" {
  tier          = "Free"
  resource_type = "Containers"
}

resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}
