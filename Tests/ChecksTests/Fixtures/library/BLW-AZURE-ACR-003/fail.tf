# FAILS: a Premium registry allows anonymous pull.

resource "azurerm_container_registry" "this" {
  name                = "acrorders"
  resource_group_name = "rg-apps"
  location            = "westeurope"

  sku                 = "Premium"
  anonymous_pull_enabled = true
}
