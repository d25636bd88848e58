# PASSES: log_connections is on.

resource "azurerm_postgresql_configuration" "this" {
  name                = "log_connections"
  resource_group_name = "rg-data"
  server_name         = "psql-legacy"
  value               = "on"
}
