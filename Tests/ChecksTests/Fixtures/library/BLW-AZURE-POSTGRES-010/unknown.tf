# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_postgresql_server" "this" {
  name                = "psql-legacy"
  location            = "westeurope"
  resource_group_name = "rg-data"
  sku_name            = "GP_Gen5_2"
  version             = "11"
  ssl_enforcement_enabled = true

  geo_redundant_backup_enabled = var.flag
}
