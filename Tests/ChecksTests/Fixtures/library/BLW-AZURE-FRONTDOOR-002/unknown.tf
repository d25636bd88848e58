# UNKNOWN: the mode comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_cdn_frontdoor_firewall_policy" "this" {
  name                = "wafweb"
  resource_group_name = "rg-net"
  sku_name            = "Premium_AzureFrontDoor"

  mode = var.value
}
