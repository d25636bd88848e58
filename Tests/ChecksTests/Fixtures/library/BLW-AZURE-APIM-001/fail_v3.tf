# FAILS: the backend accepts TLS 1.0 (azurerm v3 name).

resource "azurerm_api_management" "this" {
  name                = "apim-orders"
  location            = "westeurope"
  resource_group_name = "rg-api"
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Developer_1"

  security {
    enable_backend_tls10 = true
  }
}
