# PASSES: internal virtual network mode.

resource "azurerm_api_management" "this" {
  name                = "apim-orders"
  location            = "westeurope"
  resource_group_name = "rg-api"
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Developer_1"

  virtual_network_type = "Internal"

  virtual_network_configuration {
    subnet_id = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/apim"
  }
}
