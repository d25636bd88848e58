# UNKNOWN: the list comes from a variable without a value.

variable "alerts" {
  type = list(string)
}

resource "azurerm_mssql_server_security_alert_policy" "this" {
  resource_group_name = "rg-data"
  server_name         = "sql-orders"
  state               = "Enabled"

  disabled_alerts = var.alerts
}
