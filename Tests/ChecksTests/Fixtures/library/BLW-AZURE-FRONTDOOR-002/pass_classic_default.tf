# PASSES: the classic policy's defaults.

resource "azurerm_frontdoor_firewall_policy" "this" {
  name                = "wafweb"
  resource_group_name = "rg-net"
}
