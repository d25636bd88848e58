# FAILS: log_disconnections is turned off.

resource "azurerm_postgresql_configuration" "this" {
  name                = "log_disconnections"
  resource_group_name = "rg-data"
  server_name         = "psql-legacy"
  value               = "off"
}
