# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_app_configuration" "this" {
  name                = "appcs-orders"
  resource_group_name = "rg-apps"
  location            = "westeurope"
  sku                 = "standard"

  purge_protection_enabled = var.flag
}
