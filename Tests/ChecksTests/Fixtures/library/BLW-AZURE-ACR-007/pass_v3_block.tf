# PASSES: the azurerm v3 retention policy block is enabled.

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
  retention_policy {
    days    = 7
    enabled = true
  }
}
