# PASSES: private endpoints only.

resource "azurerm_resource_group" "rg" {
  name     = "rg-cosmos"
  location = "westeurope"
}

resource "azurerm_cosmosdb_account" "main" {
  name                          = "cosmos-orders"
  location                      = azurerm_resource_group.rg.location
  resource_group_name           = azurerm_resource_group.rg.name
  offer_type                    = "Standard"
  kind                          = "GlobalDocumentDB"
  public_network_access_enabled = false

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = azurerm_resource_group.rg.location
    failover_priority = 0
  }
}
