# PASSES: the monitoring agent writes to a Log Analytics workspace.

resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksmain"
  oms_agent {
    log_analytics_workspace_id = "/subscriptions/0000/resourceGroups/rg-aks/providers/Microsoft.OperationalInsights/workspaces/law-aks"
  }

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"

  }

  identity {
    type = "SystemAssigned"
  }
}
