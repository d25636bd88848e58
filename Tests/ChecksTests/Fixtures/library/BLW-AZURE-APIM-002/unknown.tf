# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_api_management" "this" {
  name                = "apim-orders"
  location            = "westeurope"
  resource_group_name = "rg-api"
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Developer_1"

  public_network_access_enabled = var.flag
}
