# FAILS: one DNS server.

resource "azurerm_virtual_network" "this" {
  name                = "vnet-app"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.10.0.0/16"]

  dns_servers = ["10.10.0.4"]
}
