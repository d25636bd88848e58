# PASSES: auto provisioning is on.

resource "azurerm_security_center_auto_provisioning" "this" {
  auto_provision = "On"
}
