# FAILS: the Arm plan is declared on the Free tier.

resource "azurerm_security_center_subscription_pricing" "arm" {
  tier          = "Free"
  resource_type = "Arm"
}

resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}
