# PASSES: every alert type is active.

resource "azurerm_mssql_server_security_alert_policy" "this" {
  resource_group_name = "rg-data"
  server_name         = "sql-orders"
  state               = "Enabled"
}
