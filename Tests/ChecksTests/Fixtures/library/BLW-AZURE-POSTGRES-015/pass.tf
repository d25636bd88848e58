# PASSES: log_retention is on.

resource "azurerm_postgresql_configuration" "this" {
  name                = "log_retention"
  resource_group_name = "rg-data"
  server_name         = "psql-legacy"
  value               = "on"
}
