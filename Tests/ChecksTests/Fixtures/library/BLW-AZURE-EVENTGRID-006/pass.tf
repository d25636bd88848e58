# PASSES: a system-assigned identity.

resource "azurerm_eventgrid_domain" "this" {
  name                = "evgd-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"

  identity {
    type = "SystemAssigned"
  }
}
