# PASSES: a firewall policy.

resource "azurerm_firewall" "this" {
  name                = "fw-hub"
  location            = "westeurope"
  resource_group_name = "rg-net"
  sku_name            = "AZFW_VNet"
  sku_tier            = "Standard"

  firewall_policy_id = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/firewallPolicies/fwp-hub"
}
