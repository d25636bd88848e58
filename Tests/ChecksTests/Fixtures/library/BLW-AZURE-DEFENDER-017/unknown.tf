# UNKNOWN: the setting comes from a variable without a value.

variable "value" {
  type = string
}

resource "azurerm_security_center_auto_provisioning" "this" {
  auto_provision = var.value
}
