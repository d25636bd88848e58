# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_postgresql_flexible_server" "this" {
  name                   = "psql-orders"
  resource_group_name    = "rg-data"
  location               = "westeurope"
  version                = "16"
  sku_name               = "GP_Standard_D2s_v3"
  storage_mb             = 32768
  administrator_login    = "psqladmin"
  administrator_password = "placeholder"

  geo_redundant_backup_enabled = var.flag
}
