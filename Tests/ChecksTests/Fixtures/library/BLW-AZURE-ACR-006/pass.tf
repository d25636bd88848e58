# PASSES: images are quarantined until verified.

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
  quarantine_policy_enabled = true
}
