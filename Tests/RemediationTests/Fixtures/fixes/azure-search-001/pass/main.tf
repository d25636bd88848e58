# PASSES: disabled.

resource "azurerm_search_service" "this" {
  name                = "srch-orders"
  resource_group_name = "rg-apps"
  location            = "westeurope"
  sku                 = "standard"

  public_network_access_enabled = false
}
