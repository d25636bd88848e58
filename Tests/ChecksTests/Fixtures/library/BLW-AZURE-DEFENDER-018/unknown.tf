# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_security_center_setting" "this" {
  setting_name = "MCAS"
  enabled      = var.flag
}
