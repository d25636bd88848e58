# UNKNOWN: one flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  queue_properties {
    logging {
      read    = var.flag
      write   = true
      delete  = true
      version = "1.0"
    }
  }
}
