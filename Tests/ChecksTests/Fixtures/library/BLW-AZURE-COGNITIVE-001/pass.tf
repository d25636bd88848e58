# PASSES: disabled.

resource "azurerm_cognitive_account" "this" {
  name                = "cog-orders"
  location            = "westeurope"
  resource_group_name = "rg-ai"
  kind                = "TextAnalytics"
  sku_name            = "S"

  public_network_access_enabled = false
}
