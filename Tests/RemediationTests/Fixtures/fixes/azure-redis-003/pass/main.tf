# PASSES: public access is disabled.

resource "azurerm_redis_cache" "this" {
  name                = "redis-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"

  public_network_access_enabled = false
}
