# PASSES: reports go to the security team and the administrators.

resource "azurerm_mssql_server_vulnerability_assessment" "this" {
  server_security_alert_policy_id = "/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders/securityAlertPolicies/Default"
  storage_container_path          = "https://stva.blob.core.windows.net/va/"

  recurring_scans {
    enabled                   = true
    email_subscription_admins = true
    emails                    = ["secops@example.com"]
  }
}
