# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

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

  kind                          = "GlobalDocumentDB"
  local_authentication_disabled = var.flag
}
