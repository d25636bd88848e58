# FAILS: auto provisioning is off.

resource "azurerm_security_center_auto_provisioning" "this" {
  auto_provision = "Off"
}
