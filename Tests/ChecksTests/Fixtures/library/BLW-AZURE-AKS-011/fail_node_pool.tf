# FAILS: a separate node pool leaves host encryption off.

resource "azurerm_kubernetes_cluster_node_pool" "user" {
  name                  = "user"
  kubernetes_cluster_id = "/subscriptions/0000/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks-main"
  vm_size               = "Standard_D4s_v5"
  node_count            = 2

}
