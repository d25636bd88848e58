# FAILS: TLS 1.1 is accepted.

resource "azurerm_eventhub_namespace" "this" {
  name                = "evh-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  sku                 = "Standard"

  minimum_tls_version = "1.1"
}
