# FAILS: the provider default (enabled).

resource "azurerm_cognitive_account" "this" {
  name                = "cog-orders"
  location            = "westeurope"
  resource_group_name = "rg-ai"
  kind                = "TextAnalytics"
  sku_name            = "S"
}
