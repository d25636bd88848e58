# PASSES: an enabled alert scoped to the subscription watches Microsoft.Authorization/policyAssignments/delete and notifies an action group.
data "azurerm_subscription" "current" {}

resource "azurerm_resource_group" "monitor" {
  name     = "rg-monitor"
  location = "westeurope"
}

resource "azurerm_monitor_action_group" "secops" {
  name                = "ag-secops"
  resource_group_name = azurerm_resource_group.monitor.name
  short_name          = "secops"

  email_receiver {
    name          = "secops"
    email_address = "secops@example.com"
  }
}

resource "azurerm_monitor_activity_log_alert" "policy_delete" {
  name                = "alert-policy_delete"
  resource_group_name = azurerm_resource_group.monitor.name
  location            = "global"
  scopes              = [data.azurerm_subscription.current.id]

  criteria {
    category       = "Administrative"
    operation_name = "Microsoft.Authorization/policyAssignments/delete"
  }

  action {
    action_group_id = azurerm_monitor_action_group.secops.id
  }
}

resource "azurerm_monitor_activity_log_alert" "policy_create" {
  name                = "alert-policy_create"
  resource_group_name = azurerm_resource_group.monitor.name
  location            = "global"
  scopes              = [data.azurerm_subscription.current.id]

  criteria {
    category       = "Administrative"
    operation_name = "Microsoft.Authorization/policyAssignments/write"
  }

  action {
    action_group_id = azurerm_monitor_action_group.secops.id
  }
}
