# UNKNOWN: the ranges come from a variable without a value.

variable "ranges" {
  type = list(string)
}

resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksmain"
  api_server_access_profile {
    authorized_ip_ranges = var.ranges
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
