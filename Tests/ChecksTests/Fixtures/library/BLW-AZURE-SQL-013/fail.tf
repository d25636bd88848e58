# FAILS: no ledger (provider default).

resource "azurerm_mssql_database" "this" {
  name      = "sqldb-orders"
  server_id = "/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders"
  sku_name  = "GP_Gen5_2"
}
