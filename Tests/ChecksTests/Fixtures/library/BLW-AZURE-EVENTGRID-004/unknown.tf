# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_eventgrid_domain" "this" {
  name                = "evgd-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"

  local_auth_enabled = var.flag
}
