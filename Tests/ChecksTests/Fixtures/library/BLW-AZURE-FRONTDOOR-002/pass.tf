# PASSES: Prevention mode.

resource "azurerm_cdn_frontdoor_firewall_policy" "this" {
  name                = "wafweb"
  resource_group_name = "rg-net"
  sku_name            = "Premium_AzureFrontDoor"

  enabled = true
  mode    = "Prevention"
}
