# UNKNOWN: the tier comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_security_center_subscription_pricing" "this" {
  tier          = var.value
  resource_type = "Dns"
}
