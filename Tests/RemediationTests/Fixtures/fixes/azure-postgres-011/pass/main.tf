# PASSES: public access is disabled.

resource "azurerm_postgresql_server" "this" {
  name                    = "psql-legacy"
  location                = "westeurope"
  resource_group_name     = "rg-data"
  sku_name                = "GP_Gen5_2"
  version                 = "11"
  ssl_enforcement_enabled = true

  public_network_access_enabled = false
}
