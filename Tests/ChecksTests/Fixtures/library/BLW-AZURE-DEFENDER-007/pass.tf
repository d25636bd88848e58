# PASSES: the AppServices plan is Standard (the Free DNS plan is another plan's concern).

resource "azurerm_security_center_subscription_pricing" "appservices" {
  tier          = "Standard"
  resource_type = "AppServices"
}

resource "azurerm_security_center_subscription_pricing" "dns" {
  tier          = "Free"
  resource_type = "Dns"
}
