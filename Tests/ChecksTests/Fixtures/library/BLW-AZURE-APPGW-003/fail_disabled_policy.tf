# FAILS: the linked WAF policy is disabled.

resource "azurerm_web_application_firewall_policy" "this" {
  name                = "wafp-web"
  resource_group_name = "rg-net"
  location            = "westeurope"

  managed_rules {
    managed_rule_set {
      type    = "OWASP"
      version = "3.2"
    }
  }

  policy_settings {
    enabled = false
    mode    = "Prevention"
  }
}

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

  firewall_policy_id = azurerm_web_application_firewall_policy.this.id
}
