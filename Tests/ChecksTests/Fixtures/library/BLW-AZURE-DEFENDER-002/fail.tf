# FAILS: resource_type is omitted (defaults to VirtualMachines) and the tier is Free.

resource "azurerm_security_center_subscription_pricing" "default" {
  tier = "Free"
}
