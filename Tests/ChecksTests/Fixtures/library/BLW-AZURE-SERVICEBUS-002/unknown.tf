# UNKNOWN: the version comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_servicebus_namespace" "this" {
  name                = "sb-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  sku                 = "Premium"
  capacity            = 1
  premium_messaging_partitions = 1

  minimum_tls_version = var.value
}
