# FAILS: reads are not logged.

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  queue_properties {
    logging {
      read    = false
      write   = true
      delete  = true
      version = "1.0"
    }
  }
}
