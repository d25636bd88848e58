# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksmain"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
    node_public_ip_enabled = var.flag

  }

  identity {
    type = "SystemAssigned"
  }
}
