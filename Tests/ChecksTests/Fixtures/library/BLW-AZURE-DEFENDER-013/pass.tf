# PASSES: the SqlServerVirtualMachines plan is Standard (another plan's Free tier is not this check's concern).

resource "azurerm_security_center_subscription_pricing" "this" {
  tier          = "Standard"
  resource_type = "SqlServerVirtualMachines"
}

resource "azurerm_security_center_subscription_pricing" "arm" {
  tier          = "Free"
  resource_type = "Arm"
}
