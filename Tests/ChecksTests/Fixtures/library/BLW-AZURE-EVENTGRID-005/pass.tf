# PASSES: disabled.

resource "azurerm_eventgrid_domain" "this" {
  name                = "evgd-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"

  public_network_access_enabled = false
}
