# FAILS: only SQL authentication is configured.

resource "azurerm_resource_group" "rg" {
  name     = "rg-sql"
  location = "westeurope"
}

resource "azurerm_mssql_server" "main" {
  name                         = "sql-orders-main"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  version                      = "12.0"
  administrator_login          = "sqladmin"
  administrator_login_password = var.sql_password

}

variable "sql_password" {
  type      = string
  sensitive = true
}
