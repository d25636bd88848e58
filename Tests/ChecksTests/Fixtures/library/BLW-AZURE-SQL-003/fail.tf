locals {
  any_ip = { start = "0.0.0.0", end = "255.255.255.255" }
}
# FAILS: the rule (values through a local) opens the server to every IPv4 address.

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

resource "azurerm_mssql_firewall_rule" "anyone" {
  name             = "anyone"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = local.any_ip.start
  end_ip_address   = local.any_ip.end
}
