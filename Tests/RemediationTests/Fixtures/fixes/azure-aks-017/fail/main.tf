# FAILS: HTTP application routing is enabled.

resource "azurerm_kubernetes_cluster" "main" {
  name                             = "aks-main"
  location                         = "westeurope"
  resource_group_name              = "rg-aks"
  dns_prefix                       = "aksmain"
  http_application_routing_enabled = true

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"

  }

  identity {
    type = "SystemAssigned"
  }
}
