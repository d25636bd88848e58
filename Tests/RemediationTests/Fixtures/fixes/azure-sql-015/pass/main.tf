# PASSES: the provider default (true).

resource "azurerm_mssql_database_extended_auditing_policy" "this" {
  database_id = "/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders/databases/orders"
}
