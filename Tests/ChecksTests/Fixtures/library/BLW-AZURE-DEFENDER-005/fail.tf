# FAILS: the KeyVaults plan is declared on the Free tier.

resource "azurerm_security_center_subscription_pricing" "keyvaults" {
  tier          = "Free"
  resource_type = "KeyVaults"
}

resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}
