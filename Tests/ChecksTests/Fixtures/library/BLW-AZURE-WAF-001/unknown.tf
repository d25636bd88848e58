# UNKNOWN: the flag comes from a variable without a value.

variable "flag" {
  type = bool
}

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
    enabled = var.flag
  }
}
