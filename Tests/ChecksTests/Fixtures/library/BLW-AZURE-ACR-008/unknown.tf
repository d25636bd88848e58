# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
  zone_redundancy_enabled = var.flag
}
