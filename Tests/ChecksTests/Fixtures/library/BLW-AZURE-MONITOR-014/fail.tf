# FAILS: the activity log is exported to an account with Microsoft-managed keys.

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_monitor_diagnostic_setting" "activity" {
  name               = "activity-log"
  target_resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000"
  storage_account_id = azurerm_storage_account.this.id

  enabled_log {
    category = "Administrative"
  }
}
