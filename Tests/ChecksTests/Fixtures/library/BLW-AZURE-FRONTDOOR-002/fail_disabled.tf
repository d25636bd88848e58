# FAILS: the classic policy is disabled.

resource "azurerm_frontdoor_firewall_policy" "this" {
  name                = "wafweb"
  resource_group_name = "rg-net"

  enabled = false
}
