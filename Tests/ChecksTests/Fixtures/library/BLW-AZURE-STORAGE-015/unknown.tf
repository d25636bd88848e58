# UNKNOWN: the replication type comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = var.value
}
