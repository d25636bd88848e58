# PASSES: connection_throttling is on.

resource "azurerm_postgresql_configuration" "this" {
  name                = "connection_throttling"
  resource_group_name = "rg-data"
  server_name         = "psql-legacy"
  value               = "on"
}
