# PASSES: node disks use a disk encryption set.

resource "azurerm_kubernetes_cluster" "main" {
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "aksmain"
  disk_encryption_set_id = "/subscriptions/0000/resourceGroups/rg-aks/providers/Microsoft.Compute/diskEncryptionSets/des-aks"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"

  }

  identity {
    type = "SystemAssigned"
  }
}
