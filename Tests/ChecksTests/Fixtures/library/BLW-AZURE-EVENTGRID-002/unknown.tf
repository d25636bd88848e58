# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_eventgrid_topic" "this" {
  name                = "evgt-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"

  public_network_access_enabled = var.flag
}
