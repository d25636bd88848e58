# PASSES: SAS tokens should expire within an hour.

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  sas_policy {
    expiration_period = "00.01:00:00"
  }
}
