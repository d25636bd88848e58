# FAILS: TLS 1.0 is accepted.

resource "azurerm_servicebus_namespace" "this" {
  name                         = "sb-orders"
  location                     = "westeurope"
  resource_group_name          = "rg-apps"
  sku                          = "Premium"
  capacity                     = 1
  premium_messaging_partitions = 1

  minimum_tls_version = "1.0"
}
