# PASSES: all four required categories are exported.
data "azurerm_subscription" "current" {}

resource "azurerm_monitor_diagnostic_setting" "activity" {
  name                       = "activity-log-to-law"
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-log/providers/Microsoft.OperationalInsights/workspaces/law-sec"

  enabled_log {
    category = "Administrative"
  }

  enabled_log {
    category = "Security"
  }

  enabled_log {
    category = "Policy"
  }

  enabled_log {
    category = "Alert"
  }

  enabled_log {
    category = "ServiceHealth"
  }

}
