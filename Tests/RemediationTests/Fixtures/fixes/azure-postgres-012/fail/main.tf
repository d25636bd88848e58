# FAILS: log_checkpoints is turned off.

resource "azurerm_postgresql_configuration" "this" {
  name                = "log_checkpoints"
  resource_group_name = "rg-data"
  server_name         = "psql-legacy"
  value               = "off"
}
