# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_redis_cache" "this" {
  name                = "redis-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"

  non_ssl_port_enabled = var.flag
}
