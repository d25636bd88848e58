# PASSES: only Entra ID authentication.

resource "azurerm_eventhub_namespace" "this" {
  name                = "evh-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  sku                 = "Standard"

  local_authentication_enabled = false
}
