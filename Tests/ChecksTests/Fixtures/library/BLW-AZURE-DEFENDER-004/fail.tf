# FAILS: the StorageAccounts plan is declared on the Free tier.

resource "azurerm_security_center_subscription_pricing" "storageaccounts" {
  tier          = "Free"
  resource_type = "StorageAccounts"
}

resource "azurerm_security_center_subscription_pricing" "servers" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}
