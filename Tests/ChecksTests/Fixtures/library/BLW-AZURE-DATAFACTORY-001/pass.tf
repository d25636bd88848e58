# PASSES: disabled.

resource "azurerm_data_factory" "this" {
  name                = "adf-orders"
  location            = "westeurope"
  resource_group_name = "rg-data"

  public_network_enabled = false
}
