# FAILS: public access (provider default).

resource "azurerm_redis_cache" "this" {
  name                = "redis-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
}
