# PASSES: SSL is required.

resource "azurerm_resource_group" "rg" {
  name     = "rg-sql"
  location = "westeurope"
}

resource "azurerm_mysql_server" "main" {
  name                         = "mysql-orders"
  resource_group_name          = azurerm_resource_group.rg.name
  location                     = azurerm_resource_group.rg.location
  sku_name                     = "GP_Gen5_2"
  version                      = "8.0"
  administrator_login          = "mysqladmin"
  administrator_login_password = "use-a-key-vault-reference"
  ssl_enforcement_enabled      = true
}
