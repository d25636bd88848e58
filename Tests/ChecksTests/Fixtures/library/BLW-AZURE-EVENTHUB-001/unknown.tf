# UNKNOWN: the version comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_eventhub_namespace" "this" {
  name                = "evh-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  sku                 = "Standard"

  minimum_tls_version = var.value
}
