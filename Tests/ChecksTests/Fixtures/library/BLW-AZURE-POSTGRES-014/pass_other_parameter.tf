# PASSES: another parameter is not this check's concern.

resource "azurerm_postgresql_configuration" "this" {
  name                = "work_mem"
  resource_group_name = "rg-data"
  server_name         = "psql-legacy"
  value               = "off"
}
