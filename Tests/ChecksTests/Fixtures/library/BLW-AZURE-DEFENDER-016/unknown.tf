# UNKNOWN: the extension name comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_security_center_subscription_pricing" "this" {
  tier          = "Standard"
  resource_type = "Containers"

  extension {
    name = var.value
  }
}
