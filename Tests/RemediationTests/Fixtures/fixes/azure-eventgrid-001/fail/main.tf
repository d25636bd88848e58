# FAILS: the provider default (enabled).

resource "azurerm_eventgrid_topic" "this" {
  name                = "evgt-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
}
