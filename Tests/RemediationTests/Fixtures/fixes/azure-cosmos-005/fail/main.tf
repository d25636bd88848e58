# FAILS: keys may change the management plane (provider default).

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
}
