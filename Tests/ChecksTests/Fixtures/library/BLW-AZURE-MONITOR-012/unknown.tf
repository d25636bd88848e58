# UNKNOWN: the days come from a variable without a value.

variable "value" {
  type = number
}

resource "azurerm_monitor_log_profile" "this" {
  name       = "default"
  locations  = ["global", "westeurope"]
  storage_account_id = "/subscriptions/0000/resourceGroups/rg-log/providers/Microsoft.Storage/storageAccounts/stlogs"

  categories = ["Action", "Delete", "Write"]

  retention_policy {
    enabled = true
    days    = var.value
  }
}
