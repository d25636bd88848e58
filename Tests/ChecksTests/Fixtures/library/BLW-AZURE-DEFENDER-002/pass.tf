# PASSES: the VirtualMachines plan is Standard (the Free DNS plan is another plan's concern).

resource "azurerm_security_center_subscription_pricing" "virtualmachines" {
  tier          = "Standard"
  resource_type = "VirtualMachines"
}

resource "azurerm_security_center_subscription_pricing" "dns" {
  tier          = "Free"
  resource_type = "Dns"
}
