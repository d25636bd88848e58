# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_mssql_server_security_alert_policy" "this" {
  resource_group_name = "rg-data"
  server_name         = "sql-orders"
  state               = "Enabled"

  email_account_admins = var.flag
}
