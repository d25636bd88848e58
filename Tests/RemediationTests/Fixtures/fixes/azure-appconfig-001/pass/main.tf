# PASSES: disabled.

resource "azurerm_app_configuration" "this" {
  name                = "appcs-orders"
  resource_group_name = "rg-apps"
  location            = "westeurope"
  sku                 = "standard"

  local_auth_enabled = false
}
