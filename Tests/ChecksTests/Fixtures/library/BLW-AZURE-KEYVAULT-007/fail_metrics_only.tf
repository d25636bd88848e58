# FAILS: the diagnostic setting exports metrics only.

resource "azurerm_resource_group" "rg" {
  name     = "rg-app"
  location = "westeurope"
}

data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "main" {
  name                     = "kv-app-main"
  location                 = azurerm_resource_group.rg.location
  resource_group_name      = azurerm_resource_group.rg.name
  tenant_id                = data.azurerm_client_config.current.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_monitor_diagnostic_setting" "kv" {
  name                       = "diag-kv"
  target_resource_id         = azurerm_key_vault.main.id
  log_analytics_workspace_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-log/providers/Microsoft.OperationalInsights/workspaces/law-sec"


  metric {
    category = "AllMetrics"
  }
}
