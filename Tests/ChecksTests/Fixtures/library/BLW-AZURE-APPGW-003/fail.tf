# FAILS: no WAF.

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
    name                           = "https"
    frontend_ip_configuration_name = "public"
    frontend_port_name             = "https"
    protocol                       = "Https"
    ssl_certificate_name           = "site"
  }
}
