# FAILS: the SqlServers plan is declared on the Free tier.

resource "azurerm_security_center_subscription_pricing" "sqlservers" {
  tier          = "Free"
  resource_type = "SqlServers"
}

resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}
