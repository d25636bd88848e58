# FAILS: the retention policy keeps a year, but the flow log itself is disabled.

resource "azurerm_resource_group" "rg" {
  name     = "rg-net"
  location = "westeurope"
}

resource "azurerm_network_watcher_flow_log" "app" {
  name                 = "fl-nsg-app"
  network_watcher_name = "NetworkWatcher_westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app"
  storage_account_id   = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Storage/storageAccounts/stflowlogs"
  enabled              = false

  retention_policy {
    enabled = true
    days    = 365
  }
}
