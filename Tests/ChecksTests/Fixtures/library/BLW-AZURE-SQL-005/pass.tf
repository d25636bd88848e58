# PASSES: an Entra ID group administers the server.

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

  azuread_administrator {
    login_username = "sql-admins"
    object_id      = "11111111-2222-3333-4444-555555555555"
  }
}

variable "sql_password" {
  type      = string
  sensitive = true
}
