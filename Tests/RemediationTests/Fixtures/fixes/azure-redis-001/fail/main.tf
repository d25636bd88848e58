# FAILS: the non-TLS port is open (azurerm v3 name).

resource "azurerm_redis_cache" "this" {
  name                = "redis-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"

  enable_non_ssl_port = true
}
