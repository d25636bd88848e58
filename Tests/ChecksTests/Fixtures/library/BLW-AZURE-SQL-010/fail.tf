# FAILS: SQL injection alerts are silenced.

resource "azurerm_mssql_server_security_alert_policy" "this" {
  resource_group_name = "rg-data"
  server_name         = "sql-orders"
  state               = "Enabled"

  disabled_alerts = ["Sql_Injection"]
}
