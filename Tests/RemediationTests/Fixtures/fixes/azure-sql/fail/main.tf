resource "azurerm_mssql_server" "main" {
  name                = "acme-sql"
  resource_group_name = "rg"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.0"
}

resource "azurerm_mssql_database" "app" {
  name                                = "app"
  server_id                           = azurerm_mssql_server.main.id
  transparent_data_encryption_enabled = false
}
