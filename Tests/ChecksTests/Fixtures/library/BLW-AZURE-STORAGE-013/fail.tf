# FAILS: no SAS expiration policy.

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}
