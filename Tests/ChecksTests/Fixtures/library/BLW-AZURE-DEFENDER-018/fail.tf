# FAILS: the integration is disabled.

resource "azurerm_security_center_setting" "this" {
  setting_name = "MCAS"
  enabled      = false
}
