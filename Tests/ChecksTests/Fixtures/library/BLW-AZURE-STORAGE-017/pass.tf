# PASSES: all queue requests are logged.

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  queue_properties {
    logging {
      read                  = true
      write                 = true
      delete                = true
      version               = "1.0"
      retention_policy_days = 90
    }
  }
}
