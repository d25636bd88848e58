# FAILS: no NSG association.

resource "azurerm_subnet" "app" {
  name                 = "app"
  resource_group_name  = "rg-net"
  virtual_network_name = "vnet-app"
  address_prefixes     = ["10.10.1.0/24"]
}
