# UNKNOWN: the version comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_redis_cache" "this" {
  name                = "redis-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"

  minimum_tls_version = var.value
}
