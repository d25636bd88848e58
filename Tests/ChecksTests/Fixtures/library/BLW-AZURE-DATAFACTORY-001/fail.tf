# FAILS: the provider default (enabled).

resource "azurerm_data_factory" "this" {
  name                = "adf-orders"
  location            = "westeurope"
  resource_group_name = "rg-data"
}
