# PASSES: a private endpoint connects the vault.

resource "azurerm_key_vault" "this" {
  name                = "kv-orders"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}

resource "azurerm_private_endpoint" "kv" {
  name                = "pe-kv"
  location            = "westeurope"
  resource_group_name = "rg-apps"
  subnet_id           = "/subscriptions/0000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/endpoints"

  private_service_connection {
    name                           = "kv"
    private_connection_resource_id = azurerm_key_vault.this.id
    subresource_names              = ["vault"]
    is_manual_connection           = false
  }
}
