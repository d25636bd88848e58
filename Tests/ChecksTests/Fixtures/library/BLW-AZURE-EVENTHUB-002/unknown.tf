# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_eventhub_namespace" "this" {
  name                = "evh-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  sku                 = "Standard"

  local_authentication_enabled = var.flag
}
