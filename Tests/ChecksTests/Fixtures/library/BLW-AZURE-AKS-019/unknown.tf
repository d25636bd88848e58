# UNKNOWN: the plugin comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_kubernetes_cluster" "this" {
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksmain"

  network_profile {
    network_plugin = var.value
  }

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
