# FAILS: a plain HTTP listener.

resource "azurerm_application_gateway" "this" {
  name                = "agw-web"
  resource_group_name = "rg-net"
  location            = "westeurope"

  sku {
    name     = "WAF_v2"
    tier     = "WAF_v2"
    capacity = 2
  }

  http_listener {
    name                           = "http"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "http"
    protocol                       = "Http"
  }
}
