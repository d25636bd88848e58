# PASSES: public access is disabled.

resource "azurerm_mysql_flexible_server" "this" {
  name                   = "mysql-orders"
  resource_group_name    = "rg-data"
  location               = "westeurope"
  sku_name               = "GP_Standard_D2ds_v4"
  administrator_login    = "mysqladmin"
  administrator_password = "placeholder"

  public_network_access_enabled = false
}
