# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_search_service" "this" {
  name                = "srch-orders"
  resource_group_name = "rg-apps"
  location            = "westeurope"
  sku                 = "standard"

  public_network_access_enabled = var.flag
}
