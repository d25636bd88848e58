# FAILS: no dedicated data endpoints.

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
}
