# PASSES: the azurerm v3 attribute selects the stable channel.

resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksmain"
  automatic_channel_upgrade = "stable"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"

  }

  identity {
    type = "SystemAssigned"
  }
}
