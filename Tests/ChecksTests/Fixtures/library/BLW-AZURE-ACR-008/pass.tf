# PASSES: the registry and its replica are zone redundant.

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
  zone_redundancy_enabled = true

  georeplications {
    location                = "northeurope"
    zone_redundancy_enabled = true
  }
}
