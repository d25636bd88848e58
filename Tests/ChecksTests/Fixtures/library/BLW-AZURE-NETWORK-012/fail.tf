# FAILS: no firewall policy.

resource "azurerm_firewall" "this" {
  name                = "fw-hub"
  location            = "westeurope"
  resource_group_name = "rg-net"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"
}
