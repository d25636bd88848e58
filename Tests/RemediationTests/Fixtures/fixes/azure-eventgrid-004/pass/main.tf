# PASSES: disabled.

resource "azurerm_eventgrid_domain" "this" {
  name                = "evgd-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"

  local_auth_enabled = false
}
