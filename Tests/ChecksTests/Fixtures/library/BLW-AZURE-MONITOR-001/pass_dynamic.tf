locals {
  activity_categories = ["Administrative", "Security", "Policy", "Alert", "Recommendation"]
}
# PASSES: the categories come from a dynamic block over a local list.
data "azurerm_subscription" "current" {}

resource "azurerm_monitor_diagnostic_setting" "activity" {
  name                       = "activity-log-to-law"
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-log/providers/Microsoft.OperationalInsights/workspaces/law-sec"

  dynamic "enabled_log" {
    for_each = toset(local.activity_categories)
    content {
      category = enabled_log.value
    }
  }
}
