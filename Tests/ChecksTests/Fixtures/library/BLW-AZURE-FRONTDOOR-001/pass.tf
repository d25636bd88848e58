# PASSES: the endpoint links a WAF policy.

resource "azurerm_frontdoor" "this" {
  name                = "fd-web"
  resource_group_name = "rg-net"

  frontend_endpoint {
    name                                    = "web"
    host_name                               = "fd-web.azurefd.net"
    web_application_firewall_policy_link_id = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/frontDoorWebApplicationFirewallPolicies/wafweb"
  }
}
