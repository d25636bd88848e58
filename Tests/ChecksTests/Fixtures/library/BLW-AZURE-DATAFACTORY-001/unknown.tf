# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_data_factory" "this" {
  name                = "adf-orders"
  location            = "westeurope"
  resource_group_name = "rg-data"

  public_network_enabled = var.flag
}
