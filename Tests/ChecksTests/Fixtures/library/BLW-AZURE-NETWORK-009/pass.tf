# PASSES: the subnet has an NSG.

resource "azurerm_subnet" "app" {
  name                 = "app"
  resource_group_name  = "rg-net"
  virtual_network_name = "vnet-app"
  address_prefixes     = ["10.10.1.0/24"]
}

resource "azurerm_subnet_network_security_group_association" "app" {
  subnet_id                 = azurerm_subnet.app.id
  network_security_group_id = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/nsg-app"
}
