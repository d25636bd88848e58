# PASSES: geo-redundant backups on both server kinds.

resource "azurerm_mysql_flexible_server" "this" {
  name                   = "mysql-orders"
  resource_group_name    = "rg-data"
  location               = "westeurope"
  sku_name               = "GP_Standard_D2ds_v4"
  administrator_login    = "mysqladmin"
  administrator_password = "placeholder"

  geo_redundant_backup_enabled = true
}

resource "azurerm_mysql_server" "this" {
  name                = "mysql-legacy"
  location            = "westeurope"
  resource_group_name = "rg-data"
  sku_name            = "GP_Gen5_2"
  version             = "8.0"
  ssl_enforcement_enabled = true

  geo_redundant_backup_enabled = true
}
