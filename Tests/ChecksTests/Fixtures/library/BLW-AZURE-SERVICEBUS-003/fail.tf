# FAILS: public access (provider default).

resource "azurerm_servicebus_namespace" "this" {
  name                = "sb-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  sku                 = "Premium"
  capacity            = 1
  premium_messaging_partitions = 1
}
