# FAILS: the filter is enabled but lists no network.

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
}
