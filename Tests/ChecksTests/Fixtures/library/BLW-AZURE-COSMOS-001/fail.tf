# FAILS: public network access defaults to enabled.

resource "azurerm_resource_group" "rg" {
  name     = "rg-cosmos"
  location = "westeurope"
}

resource "azurerm_cosmosdb_account" "main" {
  name                = "cosmos-orders"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"


  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = azurerm_resource_group.rg.location
    failover_priority = 0
  }
}
