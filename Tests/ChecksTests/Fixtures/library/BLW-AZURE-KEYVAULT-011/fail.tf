# FAILS: soft delete is disabled (azurerm v2 attribute).

resource "azurerm_key_vault" "this" {
  name                = "kv-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"

  soft_delete_enabled = false
}
