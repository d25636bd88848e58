# PASSES: a customer-managed key.

resource "azurerm_app_configuration" "this" {
  name                = "appcs-orders"
  resource_group_name = "rg-apps"
  location            = "westeurope"
  sku                 = "standard"

  encryption {
    key_vault_key_identifier = "https://kv-orders.vault.azure.net/keys/appcs/0000"
    identity_client_id       = "00000000-0000-0000-0000-000000000000"
  }
}
