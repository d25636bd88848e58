# PASSES: the log account uses a customer-managed key.

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_storage_account_customer_managed_key" "logs" {
  storage_account_id = azurerm_storage_account.this.id
  key_vault_id       = "/subscriptions/0000/resourceGroups/rg-apps/providers/Microsoft.KeyVault/vaults/kv-orders"
  key_name           = "logs"
}

resource "azurerm_monitor_diagnostic_setting" "activity" {
  name               = "activity-log"
  target_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000"
  storage_account_id = azurerm_storage_account.this.id

  enabled_log {
    category = "Administrative"
  }
}
