resource "azurerm_mssql_database" "app" {
  name      = "app"
  server_id = "x"
}
