# UNKNOWN: the setting comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_app_configuration" "this" {
  name                = "appcs-orders"
  resource_group_name = "rg-apps"
  location            = "westeurope"
  sku                 = "standard"

  public_network_access = var.value
}
