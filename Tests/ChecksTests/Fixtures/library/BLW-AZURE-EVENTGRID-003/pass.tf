# PASSES: a system-assigned identity.

resource "azurerm_eventgrid_topic" "this" {
  name                = "evgt-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"

  identity {
    type = "SystemAssigned"
  }
}
