# PASSES: the gateway subnet cannot have an NSG.

resource "azurerm_subnet" "GatewaySubnet" {
  name                 = "GatewaySubnet"
  resource_group_name  = "rg-net"
  virtual_network_name = "vnet-app"
  address_prefixes     = ["10.10.1.0/24"]
}
