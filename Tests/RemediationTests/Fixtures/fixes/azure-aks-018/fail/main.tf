# FAILS: an availability-set node pool.

resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksmain"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
    type       = "AvailabilitySet"

  }

  identity {
    type = "SystemAssigned"
  }
}
