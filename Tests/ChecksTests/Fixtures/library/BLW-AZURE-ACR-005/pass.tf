# PASSES: a Premium registry replicated to a second region.

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
  georeplications {
    location = "northeurope"
  }
}
