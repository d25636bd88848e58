# PASSES: the SqlServers plan is Standard (the Free DNS plan is another plan's concern).

resource "azurerm_security_center_subscription_pricing" "sqlservers" {
  tier          = "Standard"
  resource_type = "SqlServers"
}

resource "azurerm_security_center_subscription_pricing" "dns" {
  tier          = "Free"
  resource_type = "Dns"
}
