# FAILS: local accounts are enabled explicitly.

resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksmain"
  local_account_disabled = false

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"

  }

  identity {
    type = "SystemAssigned"
  }
}
