# UNKNOWN: the value comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_mysql_flexible_server" "this" {
  name                   = "mysql-orders"
  resource_group_name    = "rg-data"
  location               = "westeurope"
  sku_name               = "GP_Standard_D2ds_v4"
  administrator_login    = "mysqladmin"
  administrator_password = "placeholder"
}

resource "azurerm_mysql_flexible_server_configuration" "param" {
  name                = "require_secure_transport"
  resource_group_name = "rg-data"
  server_name         = azurerm_mysql_flexible_server.this.name
  value               = var.value
}
