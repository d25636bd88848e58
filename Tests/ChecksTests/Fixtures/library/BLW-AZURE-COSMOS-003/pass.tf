# PASSES: a customer-managed key.

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

  key_vault_key_id = "https://kv-orders.vault.azure.net/keys/cosmos"
}
