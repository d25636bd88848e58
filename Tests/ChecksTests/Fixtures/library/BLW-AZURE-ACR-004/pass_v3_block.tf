# PASSES: the azurerm v3 trust policy block enables content trust.

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
  trust_policy {
    enabled = true
  }
}
