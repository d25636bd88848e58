# PASSES: the integration is enabled.

resource "azurerm_security_center_setting" "this" {
  setting_name = "MCAS"
  enabled      = true
}
