# PASSES: the key expires at the end of 2027.

resource "azurerm_key_vault_key" "cmk" {
  name            = "cmk-storage"
  key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sec/providers/Microsoft.KeyVault/vaults/kv-sec"
  key_type        = "RSA"
  key_size        = 3072
  key_opts        = ["unwrapKey", "wrapKey"]
  expiration_date = "2027-12-31T00:00:00Z"
}
