# FAILS: public access (provider default).

resource "azurerm_mysql_server" "this" {
  name                = "mysql-legacy"
  location            = "westeurope"
  resource_group_name = "rg-data"
  sku_name            = "GP_Gen5_2"
  version             = "8.0"
  ssl_enforcement_enabled = true
}
