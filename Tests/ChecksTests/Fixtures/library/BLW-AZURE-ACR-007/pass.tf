# PASSES: untagged manifests are deleted after 7 days.

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
  retention_policy_in_days = 7
}
