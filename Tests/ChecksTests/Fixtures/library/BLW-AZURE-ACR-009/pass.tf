# PASSES: dedicated data endpoints are enabled.

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
  data_endpoint_enabled = true
}
