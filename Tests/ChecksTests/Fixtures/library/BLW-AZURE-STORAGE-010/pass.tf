# PASSES: a separate customer-managed key resource encrypts the account.

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

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_storage_account_customer_managed_key" "main" {
  storage_account_id = azurerm_storage_account.main.id
  key_vault_id       = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
  key_name           = "storage-cmk"
}
