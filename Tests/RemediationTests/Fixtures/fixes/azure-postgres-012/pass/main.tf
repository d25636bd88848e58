# PASSES: log_checkpoints is on.

resource "azurerm_postgresql_configuration" "this" {
  name                = "log_checkpoints"
  resource_group_name = "rg-data"
  server_name         = "psql-legacy"
  value               = "on"
}
