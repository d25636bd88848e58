# UNKNOWN: the servers come from a variable without a value.

variable "dns" {
  type = list(string)
}

resource "azurerm_virtual_network" "this" {
  name                = "vnet-app"
  location            = "westeurope"
  resource_group_name = "rg-net"
  address_space       = ["10.10.0.0/16"]

  dns_servers = var.dns
}
