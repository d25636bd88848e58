# FAILS: the secret has no content type.

resource "azurerm_key_vault_secret" "this" {
  name            = "db-password"
  value           = "placeholder"
  key_vault_id    = "/subscriptions/0000/resourceGroups/rg-apps/providers/Microsoft.KeyVault/vaults/kv-orders"
  expiration_date = "2027-12-31T00:00:00Z"
}
