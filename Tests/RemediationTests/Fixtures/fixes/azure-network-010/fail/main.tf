# FAILS: IP forwarding is enabled (azurerm v3 name).

resource "azurerm_network_interface" "this" {
  name                = "nic-app"
  location            = "westeurope"
  resource_group_name = "rg-vm"

  ip_configuration {
    name                          = "internal"
    subnet_id                     = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/app"
    private_ip_address_allocation = "Dynamic"
  }

  enable_ip_forwarding = true
}
