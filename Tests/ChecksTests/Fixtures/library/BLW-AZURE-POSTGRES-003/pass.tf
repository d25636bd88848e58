# PASSES: double encryption is on.

resource "azurerm_resource_group" "rg" {
  name     = "rg-sql"
  location = "westeurope"
}

resource "azurerm_postgresql_server" "main" {
  name                              = "psql-orders"
  resource_group_name               = azurerm_resource_group.rg.name
  location                          = azurerm_resource_group.rg.location
  sku_name                          = "GP_Gen5_2"
  version                           = "11"
  administrator_login               = "psqladmin"
  administrator_login_password      = "use-a-key-vault-reference"
  ssl_enforcement_enabled           = true
  infrastructure_encryption_enabled = true
}
