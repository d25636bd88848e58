# FAILS: the provider default (enabled).

resource "azurerm_search_service" "this" {
  name                = "srch-orders"
  resource_group_name = "rg-apps"
  location            = "westeurope"
  sku                 = "standard"
}
