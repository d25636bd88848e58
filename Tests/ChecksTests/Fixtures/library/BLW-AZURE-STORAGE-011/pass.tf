# PASSES: trusted Azure services may bypass the firewall.

resource "azurerm_resource_group" "rg" {
  name     = "rg-data"
  location = "westeurope"
}

resource "azurerm_storage_account" "main" {
  name                     = "stdatamain001"
  resource_group_name      = azurerm_resource_group.rg.name
  location                 = azurerm_resource_group.rg.location
  account_tier             = "Standard"
  account_replication_type = "GRS"

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices", "Logging"]
  }
}
