# PASSES: local users are disabled on an HNS account.

resource "azurerm_storage_account" "this" {
  name                     = "storders"
  resource_group_name      = "rg-apps"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"

  is_hns_enabled     = true
  local_user_enabled = false
}
