# PASSES: cross-tenant replication is disabled.

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  cross_tenant_replication_enabled = false
}
