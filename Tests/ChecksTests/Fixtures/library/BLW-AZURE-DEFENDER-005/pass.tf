# PASSES: the KeyVaults plan is Standard (the Free DNS plan is another plan's concern).

resource "azurerm_security_center_subscription_pricing" "keyvaults" {
  tier          = "Standard"
  resource_type = "KeyVaults"
}

resource "azurerm_security_center_subscription_pricing" "dns" {
  tier          = "Free"
  resource_type = "Dns"
}
