# FAILS: the endpoint has no WAF policy.

resource "azurerm_frontdoor" "this" {
  name                = "fd-web"
  resource_group_name = "rg-net"

  frontend_endpoint {
    name      = "web"
    host_name = "fd-web.azurefd.net"
  }
}
