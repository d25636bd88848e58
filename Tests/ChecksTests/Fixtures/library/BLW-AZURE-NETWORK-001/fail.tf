# FAILS: a dynamic rule opens 3000-3400 (which includes RDP 3389) to 0.0.0.0/0.

locals {
  inbound = {
    web  = { priority = 100, port = "443", source = "Internet" }
    mgmt = { priority = 110, port = "3000-3400", source = "0.0.0.0/0" }
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg-net"
  location = "westeurope"
}

resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = azurerm_resource_group.rg.location
  resource_group_name = azurerm_resource_group.rg.name

  dynamic "security_rule" {
    for_each = local.inbound
    content {
      name                       = security_rule.key
      priority                   = security_rule.value.priority
      direction                  = "Inbound"
      access                     = "Allow"
      protocol                   = "Tcp"
      source_port_range          = "*"
      destination_port_range     = security_rule.value.port
      source_address_prefix      = security_rule.value.source
      destination_address_prefix = "*"
    }
  }
}
