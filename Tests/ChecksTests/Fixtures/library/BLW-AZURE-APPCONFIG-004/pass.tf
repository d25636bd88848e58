# PASSES: purge protection.

resource "azurerm_app_configuration" "this" {
  name                = "appcs-orders"
  resource_group_name = "rg-apps"
  location            = "westeurope"
  sku                 = "standard"

  purge_protection_enabled = true
}
