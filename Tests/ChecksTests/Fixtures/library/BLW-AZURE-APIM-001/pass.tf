# PASSES: the defaults (all old protocols off).

resource "azurerm_api_management" "this" {
  name                = "apim-orders"
  location            = "westeurope"
  resource_group_name = "rg-api"
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Developer_1"
}
