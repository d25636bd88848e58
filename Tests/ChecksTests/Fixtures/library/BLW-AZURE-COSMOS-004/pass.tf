# PASSES: only one subnet may connect.

resource "azurerm_cosmosdb_account" "this" {
  name                = "cosmos-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  offer_type          = "Standard"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }

  is_virtual_network_filter_enabled = true

  virtual_network_rule {
    id = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"
  }
}
