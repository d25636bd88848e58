# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

resource "azurerm_network_interface" "this" {
  name                = "nic-app"
  location            = "westeurope"
  resource_group_name = "rg-vm"

  ip_configuration {
    name                          = "internal"
    subnet_id                     = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"
    private_ip_address_allocation = "Dynamic"
  }

  ip_forwarding_enabled = var.flag
}
