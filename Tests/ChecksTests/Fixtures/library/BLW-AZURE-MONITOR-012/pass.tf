# PASSES: 365 days.

resource "azurerm_monitor_log_profile" "this" {
  name       = "default"
  locations  = ["global", "westeurope"]
  storage_account_id = "/subscriptions/0000/resourceGroups/rg-log/providers/Microsoft.Storage/storageAccounts/stlogs"

  categories = ["Action", "Delete", "Write"]

  retention_policy {
    enabled = true
    days    = 365
  }
}
